/**
 * The follow check in the background: "Check now" (a message from the popup or the options) and,
 * once the reader turned it on (the optional `alarms` permission), the daily check. The number of
 * new articles is shown on the extension's icon.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { loadSettings } from '../settings/store';
import { DEFAULT_FETCH_POLICY, fetchPage, pauseMs, sleep } from '../batch/fetch-page';
import { checkAlbums, dueDaily, type CheckSummary } from './check';
import { loadFollowed, totalNew, updateFollowed, watchFollowed } from './follows';
import { knownIdentities } from './known';

export const FOLLOW_ALARM = 'wac-follow-daily';
/** The alarm wakes every hour; each album is checked when its last check is a day old. */
const ALARM_PERIOD_MIN = 60;
export const DAILY_KEY = 'local:followDaily' as const;
/** The last check's outcome, for the lists to say ("stopped: verification page"). */
export const LAST_CHECK_KEY = 'local:followLastCheck' as const;

export interface LastCheck extends CheckSummary {
  at: number;
  running?: boolean;
}

export type FollowRequest = { type: 'follow-check' } | { type: 'follow-daily'; on: boolean };
export const isFollowRequest = (m: { type?: unknown }): m is FollowRequest => m.type === 'follow-check' || m.type === 'follow-daily';

// MV3's action, MV2's browserAction (Firefox).
const actionApi = () => (browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action }).action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export async function showBadge(): Promise<void> {
  const n = totalNew(await loadFollowed());
  const api = actionApi();
  await api?.setBadgeText({ text: n > 0 ? String(Math.min(n, 999)) : '' }).catch(() => undefined);
  await api?.setBadgeBackgroundColor?.({ color: '#07c160' }).catch(() => undefined);
}

let running: Promise<CheckSummary> | null = null;

/** One check at a time: a second "Check now" while one runs gets the running one's result. */
export function runCheck(now: () => number = Date.now, daily = false): Promise<CheckSummary> {
  running ??= (async () => {
    const settings = await loadSettings();
    const policy = { ...DEFAULT_FETCH_POLICY, timeoutMs: settings.batchTimeoutMs, backoffMs: settings.batchBackoffMs };
    await storage.setItem<LastCheck>(LAST_CHECK_KEY, { at: now(), checked: 0, running: true });
    let summary: CheckSummary;
    try {
      summary = await checkAlbums(
        await loadFollowed(),
        {
          fetchPage: (url) => fetchPage(url, policy),
          pace: { wait: sleep, pause: () => pauseMs(settings.batchPauseMinMs, settings.batchPauseMaxMs) },
          known: () => knownIdentities(settings),
          update: updateFollowed,
          now,
        },
        daily ? dueDaily(now()) : undefined,
      );
    } catch (e) {
      summary = { checked: 0, stopped: (e as Error).message };
    }
    await storage.setItem<LastCheck>(LAST_CHECK_KEY, { ...summary, at: now() });
    return summary;
  })().finally(() => (running = null));
  return running;
}

const alarms = () => (browser as unknown as { alarms?: typeof browser.alarms }).alarms;

let listening = false;
/** Listens to the alarm once the permission is there (at start, or when the reader grants it). */
function listen(): void {
  const api = alarms();
  if (listening || !api) return;
  listening = true;
  api.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_ALARM) void runCheck(Date.now, true);
  });
}

/** Turns the daily check on or off (the permission was asked for in the reader's click). */
export async function setDaily(on: boolean): Promise<boolean> {
  listen();
  const api = alarms();
  if (on && !api) return false;
  await storage.setItem(DAILY_KEY, on);
  if (on) await api!.create(FOLLOW_ALARM, { periodInMinutes: ALARM_PERIOD_MIN, delayInMinutes: 1 });
  else await api?.clear(FOLLOW_ALARM);
  return true;
}

export function startFollowBackground(): void {
  listen();
  browser.permissions.onAdded?.addListener(() => listen());
  watchFollowed(() => void showBadge());
  void showBadge();
}

export function answerFollowRequest(msg: FollowRequest): Promise<unknown> {
  if (msg.type === 'follow-check') return runCheck();
  return setDaily(!!msg.on);
}
