import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';
import { echarts } from './wall/charts/echarts-setup';

export const appConfig: ApplicationConfig = {
  providers: [provideZonelessChangeDetection(), provideBrowserGlobalErrorListeners(), provideEchartsCore({ echarts })],
};
