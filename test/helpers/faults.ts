/**
 * The run with `fault` injected into the CLI in this process (HRSS_CREDIT_FAULT, read from the process's
 * environment at each access: src/io/faults.ts), cleared after it whatever happens.
 */
export async function withFault<T>(fault: string, f: () => Promise<T>): Promise<T> {
  process.env.HRSS_CREDIT_FAULT = fault;
  try {
    return await f();
  } finally {
    delete process.env.HRSS_CREDIT_FAULT;
  }
}
