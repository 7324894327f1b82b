import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';

/** Snapshots are small and frequent: compressing each costs more CPU than the bytes it saves on a LAN. */
export class LiveIoAdapter extends IoAdapter {
  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, { ...options, perMessageDeflate: false, serveClient: false }) as Server;
  }
}
