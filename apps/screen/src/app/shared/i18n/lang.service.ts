import { DOCUMENT, Injectable, effect, inject, signal } from '@angular/core';
import { WALL_PARAMS } from '../config/wall-params.token';
import { withLang, type Lang } from '../config/wall-params';

/** The display language: from `?lang=`, switchable at run time, kept in the address for the next reload. */
@Injectable({ providedIn: 'root' })
export class LangService {
  private readonly document = inject(DOCUMENT);
  readonly lang = signal<Lang>(inject(WALL_PARAMS).lang);

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.lang() === 'zh' ? 'zh-CN' : 'en';
    });
  }

  toggle(): void {
    const next: Lang = this.lang() === 'zh' ? 'en' : 'zh';
    this.lang.set(next);
    const { location, defaultView } = this.document;
    defaultView?.history.replaceState(null, '', `${location.pathname}${withLang(location.search, next)}${location.hash}`);
  }
}
