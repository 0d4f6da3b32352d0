// The Info panel's words, after NetLogo's Info tab: what the model is, how it works, how to use the
// app, things to try (each a one-click setup), what it leaves out. One file, so the words can follow
// the model without touching the app's code. The HTML here is trusted, static markup.
import type { LeverName } from '../model/levers';
import type { TermName } from '../model/spec';

export interface InfoTerm {
  name: string;
  text: string;
  quote: string;
}

/** What "Try it" sets up: a scenario, lever changes (from a date, default its start), weights, compare. */
export interface ExampleSetup {
  scenario: string;
  seed?: number;
  set?: readonly { lever: LeverName; value: number; at?: string }[];
  weights?: Readonly<Record<string, Readonly<Partial<Record<TermName, number>>>>>;
  compare?: string | null;
  /** The quarter to show: 'start', 'end' (the default) or a date YYYYQn. */
  show?: string;
}

export interface Example {
  title: string;
  /** What to look for, and what to expect. */
  html: string;
  setup: ExampleSetup;
}

export const WHAT_IT_IS = `<p>A small, deterministic agent-based model of the US–China–Russia strategic triangle and of Russia's ties across Asia: Japan, the two Koreas, Vietnam, the rest of Southeast Asia, Central Asia, and Europe. It asks how far Russia's turn to Asia leaves it dependent on China, and what could change that. Each step is one quarter.</p>`;

export const HOW_IT_WORKS = `<p>Every quarter each actor chooses, toward every other actor, to cool, hold or warm the tie, plus its own policy moves (Russia shifts energy east or west; Japan, Korea and China invest in the Russian Far East or not; Vietnam opens or closes Cam Ranh Bay; the US turns its pivot up or down). Choices follow a logit rule: a move is likelier the more it raises the actor's utility, more sharply as <code>beta</code> grows. Ties then move with the choices, with Heider balance (the enemy of my enemy), with trade, and with random shocks of size <code>noise</code>. Each quarter every tie is also pulled back toward its structural level, the scenario's initial value (the <code>anchor</code>: 4% of the gap per quarter). A move is small beside it: a tie moves by 0.01 when one side warms or cools it and by 0.02 when both do, so the anchor outweighs even both sides' moves once a tie is more than 0.5 from its level, and a tie stays near its level unless the actors keep pushing. Trade follows ties and sanctions; part of Russia's trade lost to sanctions is diverted to partners that sanction little or not at all, mostly China.</p>`;

/** Each actor's utility is a weighted sum of these named terms (with the seed sentence each encodes). */
export const TERMS: readonly InfoTerm[] = [
  {
    name: 'triangle',
    text: 'US, China and Russia score the strategic triangle as Wu Yu-shan does: your two ties, minus the tie between the other two. The US weighs the China–Russia part by us_engagement.',
    quote:
      'both Moscow and Beijing espouse the logic of the strategic triangle vis-a-vis the United States; Washington renounces the effort to deal with Russia ... as a strategic entity',
  },
  {
    name: 'economy',
    text: 'Trade against its growth path and, for Russia, energy revenue (China pays less the less room Russia has to sell elsewhere); for Japan, Korea and China, the return on their investment in the Russian Far East; less the cost of a policy lever an actor holds. Sanctions cut trade between Russia and every actor that complies.',
    quote: 'isolation from the West, sanctions',
  },
  {
    name: 'autonomy',
    text: "Russia only: a cost that rises steeply with over-dependence on China, in trade and in investment in the Russian Far East (China's share of it), and with the concentration of its energy sales among its buyers (Europe, China, Japan, Korea).",
    quote: 'unlikely that Russia would simply acquiesce in subordination to China; to avoid overdependence on China',
  },
  {
    name: 'status',
    text: 'Russia only: its standing as an Asian player apart from China: its mean tie with the Asian actors other than China, plus its presence in Southeast Asia (Cam Ranh access and its ties with Vietnam and ASEAN).',
    quote: 'Russia has sought an independent standing in Asia apart from China; portray itself as an Asian player',
  },
  {
    name: 'leverage',
    text: "China only: what it gains from Russia's dependence: Russia's trade dependence on China, Russia's weak bargaining over energy (cheaper energy), and China's share of investment in the Russian Far East.",
    quote: "Russia's growing dependence on China",
  },
  {
    name: 'security',
    text: "Every actor: ties with allies and against threats (the US alliances with Japan and Korea; China's South China Sea interest, which makes Russia–Vietnam military ties a cost to China).",
    quote: 'The permission granted by Vietnam to use Cam Ranh Bay',
  },
  {
    name: 'counterweight',
    text: 'Japan (scaled by China–Japan tension) and the US (by us_engagement): the value of Russia not being wholly aligned with China.',
    quote: 'Moscow prefers more Japanese presence, which also serves as a counterweight to China',
  },
  {
    name: 'war_needs',
    text: 'Russia, scaled by the war: the value of warm ties with partners that can supply the war and do not sanction it (North Korea most, then China, Central Asia and ASEAN).',
    quote: 'dynamic evolution as a result of the Russian war in Ukraine',
  },
  {
    name: 'compliance',
    text: 'Sanctioning actors: the cost of warmth, trade or Far East investment with Russia while sanctions are on, in proportion to how fully each complies.',
    quote: 'isolation from the West, sanctions',
  },
];

export const TRIANGLE = `<p>The triangle is named after Lowell Dittmer (1981): all ties positive is a <i>ménage à trois</i>; two positive and one negative a <i>romantic triangle</i> with a <i>pivot</i> courted by two <i>wings</i>; one positive a <i>stable marriage</i> of two <i>partners</i> against a <i>pariah</i>; none a <i>unit veto</i>. When a tie is within 0.05 of zero the shape is left unnamed (<i>indeterminate</i>).</p>`;

export const REPRODUCE = `<p>A run is a pure function of the scenario, the seed and your changes: the same link gives the same run in any browser, and the command line gives it too. The hash at the bottom right is a fingerprint of the state at the quarter shown; its tooltip gives the command that prints the same hash, of the form <code>npm run --silent sim -- run --scenario post-ukraine --seed 1 --steps 5 --set war=0.5 --change sanctions=0.4@2022Q4</code> (the CLI prints the hash of its last step, <code>--steps</code>; each <code>--set</code> is a lever you changed at the start, each <code>--change</code> one you changed later, from that quarter on). Changed weights and imported scenarios need the exported scenario file (<i>export scenario (JSON)</i>, then <code>--scenario exported.json</code>). A file carries a later lever change as an event that pins the lever, so it reproduces the run's ties and indicators but not its hashes: which events have fired is part of the hashed state.</p>`;

export const HOW_TO_USE = `<ul>
<li><b>Play</b> (<kbd>Space</kbd>), <b>step</b> (<kbd>←</kbd> <kbd>→</kbd>), <b>reset</b> (<kbd>R</kbd>), or drag the timeline; click a chart or a real event under the timeline (Crimea, the invasion, …) to jump to its quarter. <kbd>C</kbd> toggles the compare view, <kbd>I</kbd> this panel.</li>
<li>Move a <b>lever</b> at any quarter: it applies from that quarter on, the future is recomputed and redrawn at once. Your changes at later quarters stay and still apply from their own quarters. A line under a lever says which of the scenario's scheduled events a change would stop, or has stopped, from moving it. The mouse wheel scrolls the panel; it moves a slider only once you click into it.</li>
<li>After any change, the charts keep a faint <b>ghost</b> of the run without your changes, and the line under the scene says in words what your changes did by the end of the run. <b>Undo</b> and <b>redo</b> every change with the arrows at the top, <kbd>Ctrl</kbd>+<kbd>Z</kbd> and <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd>, or the browser's Back and Forward.</li>
<li>Hover or focus an actor to see its ties; click it (in either scene) to see, under <i>Explain</i>, its utility term by term and the moves it made, with the utility change and the probability of each.</li>
<li>Behind each line of the first three charts, a light <b>band</b>: 90% of 40 runs with your inputs and seeds seed … seed + 39 fall inside it (5–95% quantiles; dotted: their median). It tells the seed's luck from the mechanism, and it is what the observed record (rings) should be judged against. It is computed in the background and redrawn after each change. The axes stay fixed (they always hold the record and the unedited run), so a change shows as a line that moves.</li>
<li><b>Compare</b> runs a second scenario with the same seed: both scenes side by side, the second run dashed on the charts, what differs most at the quarter shown spelled out (A − B). The two are aligned by date; when they do not overlap in time (pre-2022 and post-ukraine), the timeline spans both, and each scene shows its first or last quarter outside its own years.</li>
<li><b>Chart</b>, <b>Table</b> (every indicator and tie per quarter, sortable, downloadable) and <b>Sources</b> (the seed texts, the works and every data series) are tabs under the scene.</li>
<li>Share the link; import a scenario file; export the scenario (JSON), the run (CSV, the command line's file) or a <b>report</b> of the whole view with its title, scenario, seed, changes, date and hash (PNG, or PDF through the print dialog).</li>
</ul>`;

export const EXAMPLES: readonly Example[] = [
  {
    title: `Japan's openness to the Far East`,
    html: `Raise Japan's openness to the Far East (<code>jp_rfe_openness</code>, to 0.9 at the start of <code>post-ukraine</code>): the Japan–Russia tie warms (by about 0.07 by 2025) and Russia's negotiating space and autonomy rise a little, but its dependence on China barely moves (about −0.004). That is the lesson, not a bug: Japan is about 2.5% of Russia's trade, so however open it is, it cannot offset China's share. The seed texts hope for more from Japan than trade of that size can give.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'jp_rfe_openness', value: 0.9 }] },
  },
  {
    title: `No war in post-ukraine, beside no-war-2022`,
    html: `Set the war to 0 at 2022Q1 in <code>post-ukraine</code>: the US–Russia tie is less hostile (about +0.1), but dependence on China still rises almost as much, because the sanctions, not the fighting, divert Russia's trade to China. Compare with <code>no-war-2022</code>, where neither the invasion nor the 2022 sanctions happen (war and sanctions stay at their 2014–2021 levels).`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'war', value: 0, at: '2022Q1' }], compare: 'no-war-2022' },
  },
  {
    title: `Washington engages Russia`,
    html: `Let Washington treat Russia as a strategic entity (<code>us_engagement</code> to 0.8): the triangle keeps its shape. The US–Russia tie warms by about 0.02 and little else moves: engagement changes how the US scores the triangle and how much it values a Russia apart from China, not Russia's options.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'us_engagement', value: 0.8 }] },
  },
  {
    title: `Vietnam closes Cam Ranh Bay`,
    html: `Close Cam Ranh Bay (<code>vn_cam_ranh</code> to 0): Russia's presence in Southeast Asia falls (about −0.12), while the China–Russia tie warms only slightly (China minds Russia's Vietnamese foothold less).`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'vn_cam_ranh', value: 0 }] },
  },
  {
    title: `Noisy choices`,
    html: `Turn <code>beta</code> down to 2: choices become noisy and the China–Russia tie cools markedly; try several seeds and watch the band to see how much is chance.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'beta', value: 2 }] },
  },
  {
    title: `A Russia that minds its autonomy`,
    html: `Raise Russia's <code>autonomy</code> weight (Utility weights): even at 10 the China–Russia tie cools by only about 0.03 and dependence hardly moves: a Russia that minds its dependence still trades where sanctions leave it room.`,
    setup: { scenario: 'post-ukraine', weights: { RU: { autonomy: 10 } } },
  },
];

export const LEAVES_OUT = `<p>Domestic politics, leaders and elections; the war's course on the ground; finance and the currency of trade; India, Turkey, the Gulf (only as "other" buyers); military balance beyond ties; anything inside a quarter. Ties are judgement on a −1..1 scale, not measurements; the model is a tool to reason about mechanisms named in the sources, not a forecast.</p>`;
