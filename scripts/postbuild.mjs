// Make the CLI entry executable after tsc (npm links dist/cli.js as the `o2ath` bin).
import { chmodSync, existsSync } from 'node:fs';
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
