// A progress line on stderr for interactive runs that take over a second; silent otherwise, so
// CI logs and piped output stay clean.
export function startProgress(write: (text: string) => void): { stop(): void } {
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    shown = true;
    write(`\rdeploylint: linting… ${((Date.now() - started) / 1000).toFixed(0)}s`);
  }, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (shown) write("\r\x1b[K");
    },
  };
}
