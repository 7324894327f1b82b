/**
 * Which load of a ticket's history the pane shows; a different key loads it again. The alert's version alone is not
 * enough: the server sends `alertUpdated` for a dispatch before it writes the dispatch to the tickets, so a load on
 * that notice still reads 待派单, and the action's answer then carries the same version. Counting the answers of
 * this console's own actions loads it once more when the dispatch is surely written.
 */
export function ticketHistoryKey(ticketId: string, alertVersion: number, actionsAnswered: number): string {
  return `${ticketId}@${alertVersion}#${actionsAnswered}`;
}
