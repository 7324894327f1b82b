// Specs run zoneless, as the app does (app.config.ts provides zoneless change detection).
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();
