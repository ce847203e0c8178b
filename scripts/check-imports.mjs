// Checks the import rules of .dependency-cruiser.cjs over src/ (part of `npm run lint`).
// Why a script and not the depcruise CLI: dependency-cruiser 18's CLI refuses to start on Node 20
// (its engines say ^22), while this project runs on Node 20 (package.json engines, CI). Its API
// has no such check and works here; on a newer Node `npx depcruise src` gives the same answer.
// Prints each violation and exits 1 when there is one.
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const { forbidden, options } = require('../.dependency-cruiser.cjs');

const result = await cruise(['src'], { ...options, ruleSet: { forbidden }, validate: true, outputType: 'err-long' });
process.stdout.write(typeof result.output === 'string' ? result.output : JSON.stringify(result.output, null, 2));
process.exitCode = result.exitCode === 0 ? 0 : 1;
