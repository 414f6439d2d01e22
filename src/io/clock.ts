/**
 * The system clock, read at the edge like the disk: the api takes its instant from the context
 * (Context.now, CommonOptions.now), never from `new Date()` itself, so a run can be replayed at any
 * instant and rules see one "now".
 */
export function systemNow(): Date {
  return new Date();
}
