import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the browser and the server that can go silent: `cut` stops forwarding in both directions and
 * closes nothing (no FIN, no RST), as a network that drops everything does; `restore` lets the bytes held meanwhile
 * through, in order. Connections opened during a cut are accepted and held silent too.
 */
export interface SilentProxy {
  /** `http://127.0.0.1:<port>` of the proxy. */
  readonly baseUrl: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startSilentProxy(targetPort: number): Promise<SilentProxy> {
  const sockets = new Set<Socket>();
  let silent = false;
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A read that is paused is a byte not forwarded; TCP keeps the rest waiting in the kernel's buffers.
    if (silent) socket.pause();
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    cut: () => {
      silent = true;
      for (const socket of sockets) socket.pause();
    },
    restore: () => {
      silent = false;
      for (const socket of sockets) socket.resume();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
