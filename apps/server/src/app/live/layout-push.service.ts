import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DashboardCatalog } from '../dashboards';
import type { LiveNamespace } from './live-namespace';

/**
 * Tells every socket when a layout's served version changes (`layoutChanged`); a wall showing that layout fetches it
 * again. A broadcast rather than a room per layout: layouts change a few times a day, and a wall then needs nothing
 * new to join (nor a client→server event to police).
 */
@Injectable()
export class LayoutPush implements OnModuleInit, OnModuleDestroy {
  private namespace: LiveNamespace | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly catalog: DashboardCatalog) {}

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  onModuleInit(): void {
    this.unsubscribe = this.catalog.onLayoutChange((change) => this.namespace?.emit('layoutChanged', change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
