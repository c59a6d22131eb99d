// The review package's own words, in Dutch and English: the page's labels and hints. The page
// (resources/review-package/index.html) reads them from the package document, so the template
// holds no language of its own.
import type { Language } from '../domain';

const TEXTS = {
  title: { nl: 'Voorbereiding reflectiegesprek', en: 'Preparing the reflection meeting' },
  themeTitle: { nl: 'Voorbereiding: fragmenten over {theme}', en: 'Preparation: fragments about {theme}' },
  intro: {
    nl: 'Bekijk de fragmenten in je eigen tempo en schrijf op wat je nu ziet. Je antwoorden blijven op dit apparaat: er gaat niets via internet. Klaar? Bewaar je antwoorden als bestand en stuur dat naar de onderzoekers.',
    en: 'Watch the fragments at your own pace and write down what you see now. Your answers stay on this device: nothing goes over the internet. Done? Save your answers as a file and send it to the researchers.',
  },
  yourDoubts: { nl: 'Jouw twijfels en leerdoelen', en: 'Your doubts and learning goals' },
  doubts: { nl: 'Twijfels', en: 'Doubts' },
  learningGoals: { nl: 'Leerdoelen', en: 'Learning goals' },
  itemsHeading: { nl: 'De agenda', en: 'The agenda' },
  itemOf: { nl: 'Punt {n} van {total}', en: 'Item {n} of {total}' },
  fragment: { nl: 'Fragment {label}', en: 'Fragment {label}' },
  videoLabel: { nl: 'Fragment {label}: {title}', en: 'Fragment {label}: {title}' },
  captionsLabel: { nl: 'Tekst bij het fragment', en: 'Text with the fragment' },
  questions: { nl: 'Vragen', en: 'Questions' },
  subQuestions: { nl: 'Verdiepende vragen', en: 'Further questions' },
  clientFeedback: { nl: 'Wat de cliënt teruggaf', en: 'What the client said' },
  paraphrase: { nl: 'in andere woorden, anoniem', en: 'paraphrased, anonymous' },
  anonymous: { nl: 'anoniem', en: 'anonymous' },
  whatDoYouSee: { nl: 'Wat zie je nu?', en: 'What do you see now?' },
  discuss: { nl: 'Dit wil ik bespreken', en: 'I want to discuss this' },
  overallHeading: { nl: 'Twijfels die je wilt inbrengen', en: 'Doubts you want to bring in' },
  overallHint: {
    nl: 'Eén twijfel of vraag per regel. Ze komen bij je twijfels in het reflectiegesprek.',
    en: 'One doubt or question per line. They join your doubts in the reflection meeting.',
  },
  overallLabel: { nl: 'Twijfels of vragen die je wilt inbrengen', en: 'Doubts or questions you want to bring in' },
  keptHere: { nl: 'Je antwoorden worden op dit apparaat bewaard terwijl je typt.', en: 'Your answers are kept on this device as you type.' },
  notKept: {
    nl: 'Deze browser bewaart je antwoorden niet tussendoor. Bewaar ze als bestand voordat je de pagina sluit.',
    en: 'This browser does not keep your answers in between. Save them as a file before you close the page.',
  },
  save: { nl: 'Antwoorden bewaren als bestand', en: 'Save answers as a file' },
  saved: {
    nl: 'Bewaard als "{file}" (in je map Downloads). Stuur dit bestand naar de onderzoekers.',
    en: 'Saved as "{file}" (in your Downloads folder). Send this file to the researchers.',
  },
  saveAgain: { nl: 'Opnieuw downloaden', en: 'Download again' },
  saveFailed: {
    nl: 'Bewaren lukte niet in deze browser. Probeer een andere browser (Chrome, Edge, Firefox of Safari).',
    en: 'Saving did not work in this browser. Try another browser (Chrome, Edge, Firefox or Safari).',
  },
  footer: { nl: 'Gemaakt met VKZ (Van Kijken naar Zien) op {date}.', en: 'Made with VKZ (Van Kijken naar Zien) on {date}.' },
  answersFile: { nl: 'antwoorden', en: 'answers' },
  nothing: { nl: 'Er staan geen punten in dit pakket.', en: 'This package holds no items.' },
} as const satisfies Record<string, Record<Language, string>>;

export type PageTextKey = keyof typeof TEXTS;
export type PageTexts = Record<PageTextKey, string>;

/** Every page text in one language; `{name}` placeholders are filled in by the page. */
export function pageTexts(lang: Language): PageTexts {
  const out = {} as PageTexts;
  for (const key of Object.keys(TEXTS) as PageTextKey[]) out[key] = TEXTS[key][lang];
  return out;
}

/** One page text with its placeholders filled in (for texts the builder writes itself). */
export function pageText(key: PageTextKey, lang: Language, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}
