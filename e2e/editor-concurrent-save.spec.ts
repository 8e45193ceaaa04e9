import { expect, test } from '@playwright/test';
import { box, createPipeline, expectDraftSaved, quickAdd } from './editor-helpers';
import { ADMIN, EDITOR, flowNode, signIn, watchConsoleErrors } from './helpers';
import { nodeDiff, saveVersion } from './version-helpers';
import { acceptRefusals } from './fixtures';

test('two editors on one pipeline: the second save is refused with who saved what and the diff, never a silent overwrite', async ({ browser }) => {
  const eveContext = await browser.newContext();
  const adaContext = await browser.newContext();
  const eve = await eveContext.newPage();
  const eveErrors = watchConsoleErrors(eve);
  const ada = await adaContext.newPage();
  const adaErrors = watchConsoleErrors(ada);
  await signIn(eve, EDITOR);
  await signIn(ada, ADMIN);

  const url = await createPipeline(eve, `E2E concurrent ${Date.now()}`);
  let c = await box(eve.getByTestId('canvas'));
  await quickAdd(eve, 'python', { x: c.x + 200, y: c.y + 200 });
  await expectDraftSaved(eve);
  await saveVersion(eve, 'first', 1);

  // Both start from version 1
  await ada.goto(url);
  await expect(flowNode(ada, 'python_1')).toBeVisible();

  // Eve adds a step and saves version 2
  await quickAdd(eve, 'python', { x: c.x + 500, y: c.y + 300 });
  await expect(flowNode(eve, 'python_2')).toBeVisible();
  await expectDraftSaved(eve);
  await saveVersion(eve, 'eve adds a step', 2);

  // Ada, still on version 1, relabels the first step and saves: refused, naming Eve and version 2
  await flowNode(ada, 'python_1').click();
  await ada.getByLabel('Label').fill('Ada was here');
  await expectDraftSaved(ada);
  await ada.getByTestId('save-version').click();
  await ada.getByLabel('Message').fill('ada relabels');
  await ada.getByTestId('save-version-confirm').click();
  const conflict = ada.getByTestId('version-conflict');
  await expect(conflict).toContainText('Eve Editor saved version 2');
  await expect(conflict).toContainText('after you started from version 1');
  await expect(conflict).toContainText('Your version was not saved');
  // the diff from Eve's version to Ada's draft: Eve's step is missing from it, the label changed
  await expect(conflict.getByTestId('spec-diff-list')).toContainText('python_2');
  await expect(conflict.getByTestId('diff-field')).toContainText('"Ada was here"');

  // Review on the canvas: Eve's version against Ada's draft
  await conflict.getByTestId('conflict-review').click();
  await expect(ada.getByTestId('version-bar')).toContainText('Changes from version 2 to your draft');
  await expect(nodeDiff(ada, 'python_2')).toHaveAttribute('data-diff', 'removed');
  await expect(nodeDiff(ada, 'python_1')).toHaveAttribute('data-diff', 'changed');
  await ada.getByTestId('back-to-draft').click();

  // Saving again is refused again until Ada deliberately saves on top of Eve's version
  await ada.getByTestId('save-version').click();
  await ada.getByLabel('Message').fill('ada relabels');
  await ada.getByTestId('save-version-confirm').click();
  await expect(ada.getByTestId('version-conflict')).toContainText('Eve Editor saved version 2');
  await ada.getByTestId('conflict-save-on-top').click();
  await expect(ada.getByText('Saved v3')).toBeVisible();

  // Eve, whose base is now behind, is refused in turn
  c = await box(eve.getByTestId('canvas'));
  await quickAdd(eve, 'python', { x: c.x + 300, y: c.y + 450 });
  await expectDraftSaved(eve);
  await eve.getByTestId('save-version').click();
  await eve.getByTestId('save-version-confirm').click();
  await expect(eve.getByTestId('version-conflict')).toContainText('Ada Admin saved version 3');

  await eveContext.close();
  await adaContext.close();
  // the three refused saves (409) are the point of this test; nothing else may be logged
  acceptRefusals(adaErrors, 409, 2);
  acceptRefusals(eveErrors, 409);
  expect([...eveErrors, ...adaErrors]).toEqual([]);
});
