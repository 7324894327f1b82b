import { Module } from '@nestjs/common';
import { AlertBook } from './alert-book.service';
import { CriticalAlerts } from './critical-alerts.service';

/** The one way alerts change, shared by the API (officers' actions, critical reports) and the worker (rules and response bounds). */
@Module({ providers: [AlertBook, CriticalAlerts], exports: [AlertBook, CriticalAlerts] })
export class AlertBookModule {}
