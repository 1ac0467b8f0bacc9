import { mountFollowList } from '../../utils/ui/follow-list';
import '../../utils/ui/theme.css';
import { localizePage, t } from '../../utils/ui/i18n';
import { loadSettings, saveSettings } from '../../utils/settings/store';
import { PROMO_FAMILIES } from '../../utils/clean/promotion';
import type { HighlightMarkup, ImageMode, Settings } from '../../utils/settings/settings';
import { renderPromoMemory } from '../../utils/ui/promo-memory-options';
import { renderFolderOptions } from '../../utils/ui/options-folder';
import { renderDownloadsOption } from '../../utils/ui/options-downloads';
import { renderTemplateOptions } from '../../utils/ui/options-templates';
import { fillDestinations } from '../../utils/ui/destination-choice';
import type { DestinationId } from '../../utils/deliver/destinations/types';
import { renderJoplinOptions } from '../../utils/ui/options-joplin';
import { saveFailedText } from '../../utils/ui/options-save';

localizePage(document);
const saved = document.getElementById('saved')!;

function checkbox(parent: HTMLElement, id: string, label: string, checked: boolean, onChange: (on: boolean) => void): void {
  const l = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  l.append(box, ` ${label}`);
  parent.appendChild(l);
}

/** Saves and says so, or says why not (and rejects: the template section shows it by its fields too). */
async function save(patch: Partial<Settings>): Promise<void> {
  try {
    await saveSettings(patch);
  } catch (e) {
    saved.textContent = saveFailedText(e);
    saved.className = 'error';
    throw e;
  }
  saved.textContent = t('optSaved');
  saved.className = '';
}
/** For a control whose only word on a failure is the page's message. */
const saveFrom = (patch: Partial<Settings>): void => void save(patch).catch(() => {});

void loadSettings().then((s) => {
  const destination = document.getElementById('destination') as HTMLSelectElement;
  fillDestinations(destination, s.destination);
  // Only the chosen destination's own settings are shown (data-for lists the destinations a section
  // serves), and a section a link points at (options.html#folder: the folder grant, the popup's button).
  const showChosen = () => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-for]')))
      el.hidden = !el.dataset.for!.split(' ').includes(destination.value) && `#${el.id}` !== location.hash;
  };
  showChosen();
  window.addEventListener('hashchange', showChosen);
  destination.addEventListener('change', () => {
    showChosen();
    saveFrom({ destination: destination.value as DestinationId });
  });
  for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('input[name=imageMode]'))) {
    r.checked = r.value === s.imageMode;
    r.addEventListener('change', () => r.checked && saveFrom({ imageMode: r.value as ImageMode }));
  }
  for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('input[name=highlightMarkup]'))) {
    r.checked = r.value === s.highlightMarkup;
    r.addEventListener('change', () => r.checked && saveFrom({ highlightMarkup: r.value as HighlightMarkup }));
  }
  renderTemplateOptions(document.querySelector('#templates fieldset')!, s, save);
  const clean = document.getElementById('cleanByDefault') as HTMLInputElement;
  clean.checked = s.cleanByDefault;
  clean.addEventListener('change', () => saveFrom({ cleanByDefault: clean.checked }));

  const promo = document.getElementById('promotion')!;
  const hide = { ...s.hidePromotion };
  for (const fam of PROMO_FAMILIES) {
    checkbox(promo, `promo-${fam}`, t(`promo_${fam.replace('-', '_')}`), hide[fam], (on) => {
      hide[fam] = on;
      saveFrom({ hidePromotion: { ...hide } });
    });
  }
  const learn = document.getElementById('learnPromotion') as HTMLInputElement;
  learn.checked = s.learnPromotion;
  learn.addEventListener('change', () => saveFrom({ learnPromotion: learn.checked }));
  for (const [id, key] of [['batchPauseMin', 'batchPauseMinMs'], ['batchPauseMax', 'batchPauseMaxMs']] as const) {
    const input = document.getElementById(id) as HTMLInputElement;
    input.value = String(s[key] / 1000);
    input.addEventListener('change', () => saveFrom({ [key]: Math.max(0, Math.round((Number(input.value) || 0) * 1000)) }));
  }
});
renderPromoMemory(document.getElementById('promo-memory')!);
renderFolderOptions(document.querySelector('#folder fieldset')!);
renderDownloadsOption(document.querySelector('#downloads-folder fieldset')!, document.getElementById('destination') as HTMLSelectElement | null);
renderJoplinOptions(document.getElementById('joplin')!);
mountFollowList(document, document.body);
