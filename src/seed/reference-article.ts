/**
 * The reference article (shared/data/seed-article.txt), verbatim, one paragraph a line.
 * Kept in the code so the seed works wherever the server runs; a test checks it still
 * matches the shared copy when that copy is present.
 */
export const REFERENCE_ARTICLE = [
  "Sharing with local media earlier this week, Minister Mykhailo Fedorov said that this would be a core \"strategic goal\" of Ukraine. According to him, this plan aims to increase pressure, forcing Russia to \"accept peace by force\".",
  "According to Mr. Fedorov, causing large-scale personnel losses could weaken Russia's ability to maintain operations. \"They see people as a resource and the problems with that resource are very clear\" - he said, referring to the goal of raising the number of Russian soldiers killed to 50,000 per month.",
  "Mr. Fedorov said that Ukraine currently records about 35,000 Russian soldiers killed each month, evidenced by combat videos collected from the battlefield.",
  "However, this statement has not been accompanied by detailed data or an independent verification mechanism for the videos cited. Meanwhile, Russia has not yet made any comments related to Mr. Fedorov's information.",
  "Also related to the loss of Moscow's troops, NATO Secretary General Mark Rutte gave another figure when speaking in Brussels (Belgium) on January 16, saying that about 20,000 - 25,000 Russian soldiers are killed each month.",
  "Mr. Rutte said that this casualty rate has become \"unsustainable\" for Russia, and compared to the Soviet Union's losses in the war in Afghanistan in 1979, when it was estimated that about 15,000 Soviet soldiers were killed in 9 years.",
  "Observers believe that this new standard was issued in the context of Russia increasing attacks in some frontline areas last year, aiming to seize control of key cities such as Pokrovsk.",
  "The modus operandi often relied on continuous infantry advances, with high levels of consumption, has sparked political debate in recent months that Moscow may be about to reach a threshold where the number of soldiers killed exceeds recruitment capabilities.",
  "Previously, in December 2025, Ukrainian Army Commander-in-Chief Oleksandr Syrskyi said that his forces, for the first time, caused more casualties to Russian soldiers in a month than the number of troops that the Kremlin called enlisted in the same period.",
].join('\n');
