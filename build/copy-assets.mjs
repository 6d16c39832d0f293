// tsc compiles only TypeScript; the SQL migrations travel beside the compiled database code.
import { cpSync } from 'node:fs';

cpSync('electron/core/db/migrations', 'dist/electron/core/db/migrations', { recursive: true });
