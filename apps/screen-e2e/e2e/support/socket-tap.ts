import type { Page, WebSocketRoute } from 'playwright-core';

/** Control over what a page's socket.io link lets through from the server: everything, nothing yet, or nothing at all. */
export interface SocketTap {
  /** Keep what the server sends until `release`: the page sees nothing new meanwhile, as on a slow link. */
  hold(): void;
  /** Deliver what was held, in order, and pass everything from now on. */
  release(): void;
  /** Throw away what the server sends until `cut`: as if the link had silently died. */
  drop(): void;
  /** Close the page's current connections (socket.io then reconnects through the tap, passing again). */
  cut(): Promise<void>;
}

/** Routes every socket.io WebSocket of the page through a tap; call before the page opens the link. */
export async function tapSockets(page: Page): Promise<SocketTap> {
  let mode: 'pass' | 'hold' | 'drop' = 'pass';
  const held: { page: WebSocketRoute; message: string | Buffer }[] = [];
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (route) => {
    const server = route.connectToServer();
    open.add(route);
    route.onClose(() => {
      open.delete(route);
      void server.close();
    });
    server.onClose(() => {
      open.delete(route);
      void route.close();
    });
    server.onMessage((message) => {
      if (mode === 'pass') route.send(message);
      else if (mode === 'hold') held.push({ page: route, message });
    });
  });
  return {
    hold: () => {
      mode = 'hold';
    },
    release: () => {
      mode = 'pass';
      for (const { page: route, message } of held.splice(0)) route.send(message);
    },
    drop: () => {
      mode = 'drop';
    },
    cut: async () => {
      mode = 'pass';
      held.length = 0;
      await Promise.all([...open].map((route) => route.close({ code: 4000, reason: 'test cut the link' })));
    },
  };
}
