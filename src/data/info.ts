// The Info panel's words, after NetLogo's Info tab: what the model is, how it works, how to use the
// app, things to try (each a one-click setup), what it leaves out. One file, so the words can follow
// the model without touching the app's code. The HTML here is trusted, static markup.
import type { LeverName } from '../model/levers';
import type { TermName } from '../model/spec';

export interface InfoTerm {
  name: string;
  text: string;
  /** The seed sentence the term encodes; none for a term of the model's design. */
  quote?: string;
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

export const HOW_IT_WORKS = `<p>Every quarter each actor chooses, toward every other actor, to cool, hold or warm the tie, plus its own policy moves: Russia shifts energy east or west and sends ships to Cam Ranh Bay or withdraws them (only as far as Vietnam's access allows); Japan, Korea and China invest in the Russian Far East or not; Vietnam opens or closes Cam Ranh Bay; the US turns its pivot up or down. A move is likelier the more it raises the actor's utility over the next year, more sharply as <code>beta</code> grows. Actors look ahead: warming toward one actor, they expect that actor's ties to follow their friends and enemies, third parties to react to the new closeness (Heider's "the enemy of my enemy"), and an investor's stake to follow its tie with Russia. That is how the strategic triangle enters every choice: a move toward one corner shifts the other two apart or together.</p><p>Ties then move with the choices, with Heider balance, with trade, and with random shocks of size <code>noise</code>. Moving a relationship costs political capital, more the further it goes (the <code>continuity</code> term), and the scenario's starting ties are where every actor's interests balanced at the start: what moves them is what changes after it, the levers, the scheduled events and the other actors' moves. In <code>pre-2022</code> the start balances Russia's interests before its Asian turn (2012), so its search for autonomy and standing drives its choices from the first quarter. Trade follows ties, growth, sanctions and the war economy; Russia's energy exports are part of its trade with each buyer, so shifting energy east raises its dependence on China. Part of Russia's trade lost to sanctions is diverted to partners that sanction little or not at all, China first, and part of what goes through Central Asia is Chinese goods in transit.</p>`;

/** Each actor's utility is a weighted sum of these named terms (with the seed sentence each encodes). */
export const TERMS: readonly InfoTerm[] = [
  {
    name: 'triangle',
    text: 'US, China and Russia score the strategic triangle as Wu Yu-shan does: your two ties, minus the tie between the other two (the US weighs that part by us_engagement). Because actors expect the other corners to respond, a move toward one corner is also weighed for how it pulls the other two apart or together.',
    quote:
      'both Moscow and Beijing espouse the logic of the strategic triangle vis-a-vis the United States; Washington renounces the effort to deal with Russia ... as a strategic entity',
  },
  {
    name: 'economy',
    text: "Trade against its growth path; for Russia, energy revenue (China's and Europe's discounts grow as Russia's alternatives to each shrink) and the cost of its ships; for Japan, Korea and China, the return on their stake in the Russian Far East, which grows with their tie with Russia; less the cost of a policy lever an actor holds. Sanctions cut trade between Russia and every actor that complies.",
    quote: 'isolation from the West, sanctions',
  },
  {
    name: 'autonomy',
    text: "Russia only: a cost of dependence on China that is nil below a threshold (15%) and bites harder the further past it: China's share of Russia's trade, of investment in the Far East, and of its energy sales. It is why Russia courts Japan's investment and turns to Asian partners beyond China.",
    quote: 'unlikely that Russia would simply acquiesce in subordination to China; to avoid overdependence on China',
  },
  {
    name: 'status',
    text: 'Russia only: its standing as an Asian player apart from China: its mean tie with the Asian actors other than China, plus its presence in Southeast Asia (the ships it keeps at Cam Ranh and its ties with Vietnam and ASEAN; access alone is not presence).',
    quote: 'Russia has sought an independent standing in Asia apart from China; portray itself as an Asian player',
  },
  {
    name: 'leverage',
    text: "China only: what it gains from Russia's dependence: Russia's trade dependence on China, Russia's weak bargaining over energy (cheaper energy), and China's share of investment in the Russian Far East.",
    quote: "Russia's growing dependence on China",
  },
  {
    name: 'security',
    text: "Every actor: ties with allies and against threats, and how each partner stands with one's allies and threats. An ally is worth more the more hostility toward threats the two share (the balance of threat): the US rebalance makes Russia worth more to China, the war makes China worth more to Russia. Vietnam's rivals (China) count Russian ships at Cam Ranh against Russia.",
    quote: 'The permission granted by Vietnam to use Cam Ranh Bay; the South China Sea is important',
  },
  {
    name: 'counterweight',
    text: "Japan (scaled by China–Japan tension) and the US (by us_engagement): the value of Russia not being aligned with China, and of one's own stake in the Far East against China's. It holds no term in the actor's own tie with Russia: Japan warms to Russia because it expects that to pull Russia away from China.",
    quote: 'Moscow prefers more Japanese presence, which also serves as a counterweight to China',
  },
  {
    name: 'war_needs',
    text: 'Russia, scaled by the war: the value of warm ties with partners that can supply the war and do not sanction it (North Korea most, then China, Central Asia and ASEAN).',
    quote: 'dynamic evolution as a result of the Russian war in Ukraine',
  },
  {
    name: 'compliance',
    text: "Sanctioning actors: the cost of warmth, trade or Far East investment with Russia while sanctions are on, in proportion to how fully each complies; a Washington that deals with Russia's Asian relations lifts part of it for Asian partners.",
    quote: 'isolation from the West, sanctions',
  },
  {
    name: 'continuity',
    text: "Every actor: moving a relationship costs political capital (history, geography, domestic politics), more the further it goes. Its reference points are set so that the scenario's starting ties balance each actor's interests at the start; changing a weight keeps them, so it asks what actors with other priorities would do in the same world. A term of the model's design, not of the seeds.",
  },
];

export const TRIANGLE = `<p>The triangle is named after Lowell Dittmer (1981): all ties positive is a <i>ménage à trois</i>; two positive and one negative a <i>romantic triangle</i> with a <i>pivot</i> courted by two <i>wings</i>; one positive a <i>stable marriage</i> of two <i>partners</i> against a <i>pariah</i>; none a <i>unit veto</i>. When a tie is within 0.05 of zero the shape is left unnamed (<i>indeterminate</i>).</p>`;

export const REPRODUCE = `<p>A run is a pure function of the scenario, the seed and your changes: the same link gives the same run in any browser, and the command line gives it too. The hash at the bottom right is a fingerprint of the state at the quarter shown; its tooltip gives the command that prints the same hash, of the form <code>npm run --silent sim -- run --scenario post-ukraine --seed 1 --steps 5 --set war=0.5 --change sanctions=0.4@2022Q4</code> (the CLI prints the hash of its last step, <code>--steps</code>; each <code>--set</code> is a lever you changed at the start, each <code>--change</code> one you changed later, from that quarter on). Changed weights and imported scenarios need the exported scenario file (<i>export scenario (JSON)</i>, then <code>--scenario exported.json</code>). A file carries a later lever change as an event that pins the lever, so it reproduces the run's ties and indicators but not its hashes: which events have fired is part of the hashed state.</p>`;

export const HOW_TO_USE = `<ul>
<li><b>Play</b> (<kbd>Space</kbd>), <b>step</b> (<kbd>←</kbd> <kbd>→</kbd>), <b>reset</b> (<kbd>R</kbd>), or drag the timeline; click a chart or a real event under the timeline (Crimea, the invasion, …) to jump to its quarter. <kbd>C</kbd> toggles the compare view, <kbd>I</kbd> this panel.</li>
<li>Move a <b>lever</b> at any quarter: it applies from that quarter on, the future is recomputed and redrawn at once. Your changes at later quarters stay and still apply from their own quarters. A line under a lever says which of the scenario's scheduled events a change would stop, or has stopped, from moving it. The mouse wheel scrolls the panel; it moves a slider only once you click into it.</li>
<li>After any change, the charts keep a faint <b>ghost</b> of the run without your changes, and the line under the scene says in words what your changes did by the end of the run. <b>Undo</b> and <b>redo</b> every change with the arrows at the top, <kbd>Ctrl</kbd>+<kbd>Z</kbd> and <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd>, or the browser's Back and Forward.</li>
<li>Hover or focus an actor to see its ties; click it (in either scene) to see, under <i>Explain</i>, its utility term by term and the moves it made, with the utility change and the probability of each.</li>
<li>Behind each line of the charts, two <b>bands</b>: 90% and 50% of 200 runs with your inputs and seeds seed … seed + 199 fall inside them (5–95% and 25–75% quantiles; dotted: their median). It tells the seed's luck from the mechanism, and it is what the observed record (rings) should be judged against. It is computed in the background and redrawn after each change. The axes stay fixed (they always hold the record and the unedited run), so a change shows as a line that moves.</li>
<li><b>Compare</b> runs a second scenario with the same seed: both scenes side by side, the second run dashed on the charts, what differs most at the quarter shown spelled out (A − B). The two are aligned by date; when they do not overlap in time (pre-2022 and post-ukraine), the timeline spans both, and each scene shows its first or last quarter outside its own years.</li>
<li><b>Chart</b>, <b>Table</b> (every indicator and tie per quarter, sortable, downloadable) and <b>Sources</b> (the seed texts, the works and every data series) are tabs under the scene.</li>
<li>Share the link; import a scenario file; export the scenario (JSON), the run (CSV, the command line's file) or a <b>report</b> of the whole view with its title, scenario, seed, changes, date and hash (PNG, or PDF through the print dialog).</li>
</ul>`;

export const EXAMPLES: readonly Example[] = [
  {
    title: `Japan's openness to the Far East`,
    html: `Raise Japan's openness to the Far East (<code>jp_rfe_openness</code>, to 0.9 at the start of <code>post-ukraine</code>): the Japan–Russia tie falls less (about +0.03 by 2025 against the unchanged run) and Russia's autonomy and negotiating space rise a little, but its dependence on China does not move. After 2022 Japan complies with the sanctions and is about 2.5% of Russia's trade: however open it is, it cannot offset China. Before 2022 (<code>pre-2022</code>) the same lever raises the Far East's development and Russia's negotiating space, and lowers its dependence slightly.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'jp_rfe_openness', value: 0.9 }] },
  },
  {
    title: `No war in post-ukraine, beside no-war-2022`,
    html: `Hold the war at 0 in <code>post-ukraine</code>: by 2025 Russia's dependence on China is about 3.5 points lower, the China–Russia tie about 0.1 cooler, Russia's turn to North Korea (about −0.17) disappears, and its presence in Southeast Asia rises; most of the rise in dependence stays, because the sanctions, not the fighting, divert Russia's trade to China. Compare with <code>no-war-2022</code>, where neither the invasion nor the 2022 sanctions happen.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'war', value: 0, at: '2022Q1' }], compare: 'no-war-2022' },
  },
  {
    title: `Washington engages Russia`,
    html: `Let Washington treat Russia as a strategic entity (<code>us_engagement</code> to 0.8): the US–Russia hostility eases (the tie about +0.2 by 2025), Russia needs China less against a shared threat and the China–Russia tie cools by about 0.09, Japan and Korea, freer to deal with Russia, cool toward it less, and Russia's autonomy rises about a point.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'us_engagement', value: 0.8 }] },
  },
  {
    title: `Vietnam closes Cam Ranh Bay`,
    html: `Close Cam Ranh Bay (<code>vn_cam_ranh</code> to 0): Russia withdraws its ships and its presence in Southeast Asia falls (about −0.05 by 2025 after 2022; more before 2022, when Russia had ships to send), while the China–Russia tie warms slightly, as China no longer counts Russian warships in its sea against Russia.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'vn_cam_ranh', value: 0 }] },
  },
  {
    title: `Noisy choices`,
    html: `Turn <code>beta</code> down to 2: choices become nearly random, the China–Russia tie cools (about −0.06) and Russia's turn to North Korea weakens: the actors' purposes, not chance, drive those changes. Try several seeds and watch the band to see how much is chance.`,
    setup: { scenario: 'post-ukraine', set: [{ lever: 'beta', value: 2 }] },
  },
  {
    title: `A Russia that minds its autonomy`,
    html: `Raise Russia's <code>autonomy</code> weight to 10 (Utility weights): the China–Russia tie cools by about 0.13 and Japan–Russia warms by about 0.06, yet dependence on China falls only about one point and autonomy rises about two: after 2022 sanctions, not Russia's wishes, decide where it can trade.`,
    setup: { scenario: 'post-ukraine', weights: { RU: { autonomy: 10 } } },
  },
];

export const LEAVES_OUT = `<p>Domestic politics, leaders and elections; the war's course on the ground; finance and the currency of trade; India, Turkey, the Gulf (only as "other" buyers); military balance beyond ties; anything inside a quarter. Ties are judgement on a −1..1 scale, not measurements; the model is a tool to reason about mechanisms named in the sources, not a forecast.</p>`;
