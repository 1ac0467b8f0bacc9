/**
 * The toolbar's messages, next to the control: progress stays while it is current, a success fades
 * after a few seconds, a failure stays until dismissed and can be copied (button, or select the text).
 */

import { trusted } from './trusted';

export type FeedbackKind = 'ok' | 'error' | 'info';

export interface FeedbackTimes {
  /** How long a success stays before it fades (ms). */
  successMs: number;
  /** How long the fade takes (ms). */
  fadeMs: number;
}

export const DEFAULT_FEEDBACK_TIMES: FeedbackTimes = { successMs: 4000, fadeMs: 400 };

export interface FeedbackLabels {
  dismiss: string;
  copyMessage: string;
  copied: string;
}

/** One follow-up click offered with a message (grant the folder again, open in Obsidian). */
export interface FeedbackAction {
  label: string;
  run(): void;
}

export interface Feedback {
  element: HTMLElement;
  /** With an action, the message stays (no fade) until the action or dismiss. */
  show(text: string, kind: FeedbackKind, action?: FeedbackAction): void;
  dismiss(): void;
}

export function buildFeedback(
  doc: Document,
  labels: FeedbackLabels,
  copy: (text: string) => Promise<void>,
  times: FeedbackTimes = DEFAULT_FEEDBACK_TIMES,
): Feedback {
  const box = doc.createElement('div');
  box.className = 'wac-feedback';
  box.hidden = true;
  // The text is its own live region, so a reader hears every message and the buttons stay silent.
  const status = doc.createElement('div');
  status.className = 'wac-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const actions = doc.createElement('div');
  actions.className = 'wac-feedback-actions';
  const copyBtn = smallButton(doc, 'wac-copy', labels.copyMessage);
  const closeBtn = smallButton(doc, 'wac-dismiss', labels.dismiss, '×');
  const followBtn = smallButton(doc, 'wac-follow-up', '');
  actions.append(followBtn, copyBtn, closeBtn);
  let follow: FeedbackAction | undefined;
  followBtn.addEventListener(
    'click',
    trusted(() => {
      const a = follow;
      dismiss();
      a?.run();
    }),
  );
  box.append(status, actions);

  let timers: ReturnType<typeof setTimeout>[] = [];
  const clearTimers = () => {
    for (const id of timers) clearTimeout(id);
    timers = [];
  };
  const dismiss = () => {
    clearTimers();
    box.hidden = true;
    box.classList.remove('wac-fading');
    status.textContent = '';
  };

  copyBtn.addEventListener(
    'click',
    trusted(() => {
      void copy(status.textContent ?? '').then(
        () => void (copyBtn.textContent = labels.copied),
        () => void (copyBtn.textContent = labels.copyMessage),
      );
    }),
  );
  closeBtn.addEventListener('click', trusted(dismiss));
  box.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key === 'Escape' && box.dataset.kind === 'error') {
        e.stopPropagation();
        dismiss();
      }
    }),
  );

  return {
    element: box,
    show(text, kind, action) {
      clearTimers();
      follow = action;
      followBtn.hidden = !action;
      followBtn.textContent = action?.label ?? '';
      if (!text) return dismiss();
      box.hidden = false;
      box.classList.remove('wac-fading');
      box.dataset.kind = kind;
      status.className = `wac-status ${kind}`;
      status.textContent = text;
      actions.hidden = kind !== 'error' && !action;
      copyBtn.hidden = kind !== 'error';
      copyBtn.textContent = labels.copyMessage;
      if (kind === 'ok' && !action) {
        timers.push(
          setTimeout(() => {
            box.classList.add('wac-fading');
            timers.push(setTimeout(dismiss, times.fadeMs));
          }, times.successMs),
        );
      }
    },
    dismiss,
  };
}

function smallButton(doc: Document, className: string, name: string, glyph?: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = className;
  if (glyph) {
    b.textContent = glyph;
    b.setAttribute('aria-label', name);
    b.title = name;
  } else b.textContent = name;
  return b;
}
