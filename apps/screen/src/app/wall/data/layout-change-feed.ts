import { Injectable } from '@angular/core';
import { layoutChangeSchema, type LayoutChange } from '@grid-command/contracts';

type Listener = (change: LayoutChange) => void;

/**
 * Where the wall's socket meets the loader: the server broadcasts `layoutChanged` to every socket, the socket side
 * hands it here, and the loader fetches its layout again when the change is about the one on screen.
 */
@Injectable({ providedIn: 'root' })
export class LayoutChangeFeed {
  private readonly listeners = new Set<Listener>();

  /** Registers `listener`; the returned function unregisters it. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Passes on a well-formed change; anything else from the socket is ignored. */
  receive(raw: unknown): void {
    const parsed = layoutChangeSchema.safeParse(raw);
    if (!parsed.success) return;
    for (const listener of [...this.listeners]) listener(parsed.data);
  }
}
