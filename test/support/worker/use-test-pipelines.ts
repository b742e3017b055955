import { afterEach } from 'vitest';
import { startTestPipeline, type TestPipeline, type TestPipelineOptions } from './start-test-pipeline.ts';

/**
 * For a test file (or `describe`): returns a `startTestPipeline` whose pipelines are all closed
 * (keys, sandbox, workers) after each test, pass or fail.
 */
export function useTestPipelines(): (options?: TestPipelineOptions) => Promise<TestPipeline> {
  const started: TestPipeline[] = [];
  afterEach(async () => {
    for (const pipeline of started.splice(0)) await pipeline.close();
  });
  return async (options) => {
    const pipeline = await startTestPipeline(options);
    started.push(pipeline);
    return pipeline;
  };
}
