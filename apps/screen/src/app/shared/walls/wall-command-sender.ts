import { ErrorHandler, inject, signal } from '@angular/core';
import type { WallCommand } from '@grid-command/contracts';
import type { Lang } from '../config/wall-params';
import { ApiRequestError } from '../data/api-request.error';
import { WallFleetApi } from './wall-fleet-api.service';
import { commandText, type WallRow } from './wall-row';
import { wallsText } from './walls-messages';

export interface WallCommandNotice {
  readonly ok: boolean;
  readonly text: string;
}

/**
 * Sends a command to one wall and says how it went, for /ops and the console alike: one command at a time (`busy`),
 * and `afterSend` (read the list again) once the wall has it. Call in an injection context.
 */
export function wallCommandSender(lang: () => Lang, afterSend: () => void) {
  const api = inject(WallFleetApi);
  const errors = inject(ErrorHandler);
  const busy = signal(false);
  const notice = signal<WallCommandNotice | null>(null);

  const send = async (row: WallRow, command: WallCommand): Promise<void> => {
    busy.set(true);
    notice.set(null);
    try {
      await api.send(row.id, command);
      notice.set({ ok: true, text: wallsText(lang(), 'walls.sent', { wall: row.label, command: commandText(command, lang()) }) });
      afterSend();
    } catch (error) {
      errors.handleError(error);
      notice.set({ ok: false, text: wallsText(lang(), 'walls.failed', { message: error instanceof ApiRequestError ? error.detail : String(error) }) });
    } finally {
      busy.set(false);
    }
  };
  return { busy: busy.asReadonly(), notice, send };
}
