/** Where the installed package lives: `src/` when run from source, `dist/` when built — both one level down. */
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  return fileURLToPath(new URL('..', import.meta.url));
}
