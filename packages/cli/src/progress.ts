/**
 * Build progress without dependencies: on a terminal, one line redrawn in place (a spinner, the
 * phase, how many modules so far and the elapsed time); elsewhere (CI logs, pipes) a plain line
 * per phase, since redrawn lines would only fill the log with control characters.
 */
export interface Progress {
  phase(name: string): void;
  /** One more module transformed (cheap: only a counter; the redraw runs on a timer). */
  tick(): void;
  /** Ends the current line; `message` is printed as a plain line after it. */
  done(message?: string): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = Date.now();
  let phase = '';
  let modules = 0;
  if (!stream.isTTY) {
    return {
      phase(name) {
        phase = name;
        stream.write(`lepta build: ${name}…\n`);
      },
      tick() {
        modules++;
      },
      done(message) {
        if (message) stream.write(message + '\n');
      },
    };
  }
  let frame = 0;
  const draw = () => {
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${phase} · ${modules} modules · ${seconds}s`);
  };
  const timer = setInterval(draw, 80);
  timer.unref();
  return {
    phase(name) {
      phase = name;
      draw();
    },
    tick() {
      modules++;
    },
    done(message) {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
      if (message) stream.write(message + '\n');
    },
  };
}
