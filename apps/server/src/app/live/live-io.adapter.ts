import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import { isOriginAllowed } from '../common/http-hardening';

/** A client sends a token at the handshake and `{scope}` afterwards; socket.io's default would accept 1 MB messages. */
const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;

/**
 * socket.io for `/live`. Browsers do not apply CORS to WebSockets, so the handshake's `Origin` is checked here
 * (`allowRequest`, for polling and upgrades alike): a page of another site cannot open a socket with a token it
 * stole or a wall's browser holds. Snapshots are small and frequent: compressing each costs more CPU than the bytes
 * it saves on a LAN.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly allowedOrigins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      perMessageDeflate: false,
      serveClient: false,
      maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
      cors: { origin: [...this.allowedOrigins] },
      allowRequest: (request: IncomingMessage, decide: (error: string | null | undefined, success: boolean) => void) => {
        const allowed = isOriginAllowed(request.headers.origin, request.headers.host, this.allowedOrigins);
        decide(allowed ? null : 'origin not allowed', allowed);
      },
    }) as Server;
  }
}
