import { DOCUMENT, inject, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';
import { routeOf } from './app-route';
import { ACCEPTS_DISPLAY_TOKEN } from './shared/auth/session.service';
import { echarts } from './wall/charts/echarts-setup';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    provideEchartsCore({ echarts }),
    // Only the wall runs on a display token; the console needs an officer who logged in.
    { provide: ACCEPTS_DISPLAY_TOKEN, useFactory: () => routeOf(inject(DOCUMENT).location.pathname) === 'wall' },
  ],
};
