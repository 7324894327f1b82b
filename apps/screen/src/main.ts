import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  // Nothing on the stage can report a failed bootstrap, so the page itself says it.
  document.body.textContent = `网格化治理指挥中心大屏启动失败 / The wall failed to start: ${String(error)}`;
});
