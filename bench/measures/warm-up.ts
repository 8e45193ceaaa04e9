// A few runs of both kinds before anything is timed, so that first-run costs are not measured.
import { runHand, runWeft } from '../lib/runs';
import { errorText, sleep } from '../lib/util';
import type { TBench } from '../lib/workers';

export async function warmUp(b: TBench, versions: Map<number, string>): Promise<void> {
  const v3 = versions.get(3)!;
  // The first start on a namespace just registered on a given server may be refused for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      await runHand(b, 'handChain', [3]);
      break;
    } catch (error) {
      if (attempt >= 20 || !/namespace/i.test(errorText(error))) throw error;
      await sleep(1000);
    }
  }
  for (let i = 0; i < 3; i++) {
    await runWeft(b, v3);
    await runHand(b, 'handChain', [3]);
  }
  await runWeft(b, versions.get(10)!);
  await runHand(b, 'handChain', [10]);
}
