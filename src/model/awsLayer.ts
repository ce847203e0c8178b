/**
 * Loads the AWS layer on first use. In the packaged extension `../aws` resolves to
 * dist/aws.js (see esbuild.js), so activation never parses or runs the SDK
 * (~300 KB). In tests compiled by tsc it is the module itself.
 */
export type AwsModule = typeof import('../aws');

let loaded: AwsModule | undefined;

export function loadAws(): AwsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred require is the point: see above.
  loaded ??= require('../aws') as AwsModule;
  return loaded;
}
