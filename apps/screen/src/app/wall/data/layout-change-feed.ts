import { Injectable } from '@angular/core';
import { layoutChangeSchema, type LayoutChange } from '@grid-command/contracts';

/** A change of one layout, or null: the socket reconnected, so any change meanwhile went unheard. */
type Listener = (change: LayoutChange | null) => void;

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
    if (parsed.success) this.announce(parsed.data);
  }

  /** The socket is back after an outage: the layout on screen is checked again, as a change may have been missed. */
  reconnected(): void {
    this.announce(null);
  }

  private announce(change: LayoutChange | null): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
