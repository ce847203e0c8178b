/**
 * The forms of the write commands: a multi-step input (step n of m in the title, Back on every
 * step after the first, Esc cancels) whose input boxes check each value as it is typed against
 * the model's rules (src/requests/imageFields.ts), so an invalid value can never be accepted, and a
 * last step that shows the request the command will send and where. Nothing here sends anything:
 * the forms return fields; the commands build and send the request.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../model/errors';
import { plainText } from '../model/markdownText';
import { checkField, fieldLength, JOB_TYPES, PROCESSORS, VENDOR_GUIDANCE, type FieldName } from '../requests/imageFields';
import { baseImageSelection, formatTags, parseAliases, parseTags, type ImageFields, type VersionFields } from './model/writeForms';

/** What the review step shows: the request as the API names it, and where it goes. */
export interface Review {
  operation: string;
  rows: [string, string][];
  confirmLabel: string;
  /** "account 111122223333 · us-east-1 · profile dev" */
  where: string;
}

const BACK = Symbol('back');
type Answer<T> = T | typeof BACK | undefined;

interface StepFrame {
  title: string;
  step: number;
  total: number;
}

/** One input box; resolves the accepted value, BACK, or undefined (Esc). Enter is refused while `validate` says no. */
function inputStep(
  frame: StepFrame,
  options: {
    value: string;
    prompt: string;
    placeholder?: string;
    selection?: [number, number];
    /** `accepting`: Enter was pressed (checks that ask the service run only then, not per keystroke). */
    validate: (v: string, accepting: boolean) => Promise<string | undefined> | string | undefined;
  },
): Promise<Answer<string>> {
  const box = vscode.window.createInputBox();
  box.title = frame.title;
  box.step = frame.step;
  box.totalSteps = frame.total;
  box.value = options.value;
  if (options.selection) box.valueSelection = options.selection;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = true;
  box.buttons = frame.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<Answer<string>>((resolve) => {
    let done = false;
    let checking = 0;
    const finish = (answer: Answer<string>) => {
      if (done) return;
      done = true;
      resolve(answer);
      box.dispose();
    };
    const check = async (value: string, accepting = false): Promise<boolean> => {
      const mine = ++checking;
      let message: string | undefined;
      try {
        message = await options.validate(value, accepting);
      } catch (e) {
        // A check that asks the service can fail (throttled, offline): the value is not accepted, and the box says why.
        message = vscode.l10n.t('Could not check this value: {0}', errorMessage(e));
      }
      if (mine === checking) box.validationMessage = message;
      return message === undefined;
    };
    box.onDidChangeValue((v) => void check(v));
    box.onDidAccept(async () => {
      box.busy = true;
      const ok = await check(box.value, true);
      box.busy = false;
      if (ok) finish(box.value);
    });
    box.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) finish(BACK);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
    void check(box.value);
  });
}

/** One single-choice pick; resolves the picked item, BACK, or undefined (Esc). */
function pickStep<T extends vscode.QuickPickItem>(
  frame: StepFrame,
  items: readonly T[],
  placeholder: string,
  active?: T,
): Promise<Answer<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = frame.title;
  pick.step = frame.step;
  pick.totalSteps = frame.total;
  pick.items = items;
  if (active) pick.activeItems = [active];
  pick.placeholder = placeholder;
  pick.ignoreFocusOut = true;
  pick.buttons = frame.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<Answer<T>>((resolve) => {
    let done = false;
    const finish = (answer: Answer<T>) => {
      if (done) return;
      done = true;
      resolve(answer);
      pick.dispose();
    };
    pick.onDidAccept(() => finish(pick.selectedItems[0] ?? pick.activeItems[0]));
    pick.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) finish(BACK);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/** A step of a form: asks for one thing and writes it into the fields; false when cancelled. */
type Step<F> = (frame: StepFrame, fields: F) => Promise<Answer<F>>;

/** Runs the steps in order with Back; resolves the fields of the last step, or undefined when cancelled. */
async function runSteps<F>(title: string, steps: Step<F>[], initial: F): Promise<F | undefined> {
  const history: F[] = [initial];
  let index = 0;
  while (index < steps.length) {
    const answer = await steps[index]({ title, step: index + 1, total: steps.length }, history[index]);
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      index = Math.max(0, index - 1);
      continue;
    }
    history[index + 1] = answer;
    index += 1;
  }
  return history[steps.length];
}

function limits(field: FieldName): string {
  const { max } = fieldLength(field);
  return vscode.l10n.t('up to {0} characters', max);
}

/** A free-text field: empty means "not set" unless `required`. */
function textStep<F>(
  field: FieldName,
  label: string,
  get: (f: F) => string | undefined,
  set: (f: F, v: string | undefined) => F,
  required = false,
  extra?: (v: string) => Promise<string | undefined>,
): Step<F> {
  return async (frame, fields) => {
    const current = get(fields) ?? '';
    const answer = await inputStep(frame, {
      value: current,
      selection: field === 'baseImage' && current ? baseImageSelection(current) : undefined,
      prompt: required
        ? vscode.l10n.t('{0} ({1})', label, limits(field))
        : vscode.l10n.t('{0} (optional, {1}; empty: not set)', label, limits(field)),
      validate: async (v, accepting) => {
        if (v === '' && !required) return undefined;
        if (v !== v.trim()) return vscode.l10n.t('{0} cannot start or end with spaces.', label);
        return checkField(field, v) ?? (extra && accepting ? await extra(v) : undefined);
      },
    });
    if (answer === undefined || answer === BACK) return answer;
    return set(fields, answer === '' ? undefined : answer);
  };
}

/** A choice among the model's enum values, plus "Not set". */
function enumStep<F>(
  label: string,
  values: readonly string[],
  get: (f: F) => string | undefined,
  set: (f: F, v: string | undefined) => F,
): Step<F> {
  return async (frame, fields) => {
    const notSet = { label: vscode.l10n.t('Not set'), value: undefined as string | undefined };
    const items = [notSet, ...values.map((value) => ({ label: value, value: value as string | undefined }))];
    const answer = await pickStep(
      frame,
      items,
      label,
      items.find((i) => i.value === get(fields)),
    );
    if (answer === undefined || answer === BACK) return answer;
    return set(fields, answer.value);
  };
}

function reviewStep<F>(review: (f: F) => Review): Step<F> {
  return async (frame, fields) => {
    const r = review(fields);
    const confirm = { label: `$(check) ${r.confirmLabel}`, description: r.operation, confirm: true };
    // The values are what the user typed or the service holds: text, never $(name) icons.
    const rows = r.rows.map(([member, value]) => ({ label: member, description: plainText(value), confirm: false }));
    const answer = await pickStep(frame, [confirm, ...rows], r.where, confirm);
    if (answer === undefined || answer === BACK) return answer;
    // Picking a row of the request is not sending it: the form stays on the review.
    return answer.confirm ? fields : reviewStep(review)(frame, fields);
  };
}

export function askVersionFields(options: {
  title: string;
  initial: VersionFields;
  withBaseImage: boolean;
  review: (fields: VersionFields) => Review;
}): Promise<VersionFields | undefined> {
  const steps: Step<VersionFields>[] = [];
  if (options.withBaseImage) {
    steps.push(
      textStep(
        'baseImage',
        vscode.l10n.t('Base image: the container image URI (registry/repository:tag or @digest)'),
        (f) => f.baseImage,
        (f, v) => ({ ...f, baseImage: v }),
        true,
      ),
    );
  }
  steps.push(
    async (frame, fields) => {
      const answer = await inputStep(frame, {
        value: fields.aliases.join(', '),
        prompt: vscode.l10n.t('Aliases (optional, comma-separated)'),
        validate: (v) => parseAliases(v).error,
      });
      if (answer === undefined || answer === BACK) return answer;
      return { ...fields, aliases: parseAliases(answer).aliases };
    },
    enumStep(
      vscode.l10n.t('Job type'),
      JOB_TYPES,
      (f) => f.jobType,
      (f, v) => ({ ...f, jobType: v }),
    ),
    enumStep(
      vscode.l10n.t('Processor'),
      PROCESSORS,
      (f) => f.processor,
      (f, v) => ({ ...f, processor: v }),
    ),
    textStep(
      'mlFramework',
      vscode.l10n.t('ML framework, e.g. PyTorch 2.3'),
      (f) => f.mlFramework,
      (f, v) => ({ ...f, mlFramework: v }),
    ),
    textStep(
      'programmingLang',
      vscode.l10n.t('Programming language, e.g. Python 3.11'),
      (f) => f.programmingLang,
      (f, v) => ({ ...f, programmingLang: v }),
    ),
    enumStep(
      vscode.l10n.t('Vendor guidance'),
      VENDOR_GUIDANCE,
      (f) => f.vendorGuidance,
      (f, v) => ({ ...f, vendorGuidance: v }),
    ),
    enumStep(
      vscode.l10n.t('Horovod'),
      ['true', 'false'],
      (f) => (f.horovod === undefined ? undefined : String(f.horovod)),
      (f, v) => ({ ...f, horovod: v === undefined ? undefined : v === 'true' }),
    ),
    textStep(
      'releaseNotes',
      vscode.l10n.t('Release notes'),
      (f) => f.releaseNotes,
      (f, v) => ({ ...f, releaseNotes: v }),
    ),
    reviewStep(options.review),
  );
  return runSteps(options.title, steps, options.initial);
}

export function askImageFields(options: {
  title: string;
  initial: ImageFields;
  withNameAndTags: boolean;
  recentRoleArns: readonly string[];
  /** Asked when Enter is pressed on a well-formed name, not per keystroke: one DescribeImage per name tried. */
  nameTaken?: (name: string) => Promise<boolean>;
  review: (fields: ImageFields) => Review;
}): Promise<ImageFields | undefined> {
  const steps: Step<ImageFields>[] = [];
  if (options.withNameAndTags) {
    steps.push(
      textStep(
        'imageName',
        vscode.l10n.t('Image name: letters, digits and hyphens'),
        (f) => f.imageName,
        (f, v) => ({ ...f, imageName: v }),
        true,
        async (v) => ((await options.nameTaken?.(v)) ? vscode.l10n.t('An image named {0} exists already.', v) : undefined),
      ),
    );
  }
  steps.push(
    textStep(
      'displayName',
      vscode.l10n.t('Display name'),
      (f) => f.displayName,
      (f, v) => ({ ...f, displayName: v }),
    ),
    textStep(
      'description',
      vscode.l10n.t('Description'),
      (f) => f.description,
      (f, v) => ({ ...f, description: v }),
    ),
    async (frame, fields) => {
      if (options.recentRoleArns.length > 0) {
        const enter = { label: vscode.l10n.t('$(edit) Enter a role ARN…'), arn: undefined as string | undefined };
        const items = [...options.recentRoleArns.map((arn) => ({ label: plainText(arn), arn: arn as string | undefined })), enter];
        const picked = await pickStep(
          frame,
          items,
          vscode.l10n.t('The IAM role SageMaker uses for the image'),
          items.find((i) => i.arn === fields.roleArn),
        );
        if (picked === undefined || picked === BACK) return picked;
        if (picked.arn) return { ...fields, roleArn: picked.arn };
      }
      return textStep<ImageFields>(
        'roleArn',
        vscode.l10n.t('Role ARN (arn:aws:iam::<account>:role/<name>)'),
        (f) => f.roleArn,
        (f, v) => ({ ...f, roleArn: v }),
        true,
      )(frame, fields);
    },
  );
  if (options.withNameAndTags) {
    steps.push(async (frame, fields) => {
      const answer = await inputStep(frame, {
        value: formatTags(fields.tags ?? []),
        prompt: vscode.l10n.t('Tags (optional): key=value, key2=value2'),
        validate: (v) => parseTags(v).error,
      });
      if (answer === undefined || answer === BACK) return answer;
      return { ...fields, tags: parseTags(answer).tags };
    });
  }
  steps.push(reviewStep(options.review));
  return runSteps(options.title, steps, options.initial);
}

/** Aliases to add: one input box, each alias checked as typed. */
export async function askAliases(options: {
  title: string;
  prompt: string;
  validate?: (alias: string) => string | undefined;
}): Promise<string[] | undefined> {
  const answer = await inputStep(
    { title: options.title, step: 1, total: 1 },
    {
      value: '',
      prompt: options.prompt,
      validate: (v) => {
        const parsed = parseAliases(v);
        if (parsed.error) return parsed.error;
        if (parsed.aliases.length === 0) return vscode.l10n.t('Type at least one alias.');
        for (const alias of parsed.aliases) {
          const problem = options.validate?.(alias);
          if (problem) return problem;
        }
        return undefined;
      },
    },
  );
  return typeof answer === 'string' ? parseAliases(answer).aliases : undefined;
}
