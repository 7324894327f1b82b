import { Module } from '@nestjs/common';
import { AlertBook } from './alert-book.service';

/** The one way alerts change, shared by the API (officers' actions) and the worker (rules and response bounds). */
@Module({ providers: [AlertBook], exports: [AlertBook] })
export class AlertBookModule {}
