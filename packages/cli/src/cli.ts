/** The `lepta` binary (bin/lepta.js imports this module). */
import { CliError } from './errors.js';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    // dev and serve keep running (their servers hold the event loop); the others end here.
    process.exitCode = code;
  },
  (error: unknown) => {
    // A mistake the user can fix is one line; anything else keeps its stack.
    console.error(error instanceof CliError ? `lepta: ${error.message}` : error);
    process.exitCode = 1;
  },
);
