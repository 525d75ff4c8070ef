/**
 * Common short forms of given names (Bill = William, Bibi = Benjamin, Barry = Barack,
 * Sasha = Alexander), so that a query with a familiar form still finds the listed person.
 * Compiled from the usual English, Russian and Arabic hypocorisms; compared by latinKey.
 */
import { latinKey } from '../text/latin.js';

const GROUPS: string[][] = [
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'dick', 'rick', 'ricky', 'rich'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['joseph', 'joe', 'joey', 'jose'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['thomas', 'tom', 'tommy'],
  ['charles', 'charlie', 'chuck'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['anthony', 'tony'],
  ['christopher', 'chris'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davey'],
  ['benjamin', 'ben', 'benny', 'bibi'],
  ['barack', 'barry'],
  ['alexander', 'alex', 'sasha', 'sascha', 'shura', 'aleksandr', 'alexandr', 'oleksandr', 'alexandre', 'alejandro', 'alessandro', 'alexandros'],
  ['alexandra', 'sasha', 'alexa'],
  ['vladimir', 'volodya', 'vova', 'volodymyr'],
  ['dmitry', 'dima', 'dmitri', 'dmytro'],
  ['mikhail', 'misha', 'mykhailo', 'michail'],
  ['nikolai', 'kolya', 'mykola', 'nicholas', 'nick', 'nikolay', 'nikolaos'],
  ['sergey', 'seryozha', 'serhiy', 'sergei', 'sergii'],
  ['yevgeny', 'zhenya', 'evgeny', 'yevhen', 'eugene'],
  ['ivan', 'vanya', 'ivanko'],
  ['pavel', 'pasha', 'pavlo', 'paul'],
  ['andrey', 'andrei', 'andriy', 'andrew', 'andy', 'drew'],
  ['anatoly', 'tolya', 'anatolii'],
  ['yekaterina', 'katya', 'kate', 'katie', 'ekaterina', 'catherine', 'katherine', 'kateryna'],
  ['elizabeth', 'liz', 'beth', 'betty', 'lisa', 'eliza', 'elisabeth'],
  ['margaret', 'maggie', 'meg', 'peggy', 'rita', 'margarita'],
  ['mohammed', 'muhammad', 'mohamed', 'mohammad', 'muhammed', 'mehmet', 'mohd', 'muhd'],
  ['abdullah', 'abdallah', 'abdulla'],
  ['yusuf', 'yousef', 'youssef', 'joseph', 'jusuf'],
  ['ibrahim', 'abraham', 'ebrahim'],
  ['suleiman', 'sulayman', 'solomon', 'suleyman'],
  ['husayn', 'hussein', 'hussain', 'husein'],
  ['osama', 'usama', 'usamah'],
  ['francis', 'frank', 'frankie', 'francisco', 'paco', 'pancho'],
  ['frederick', 'fred', 'freddy'],
  ['friedrich', 'fritz'],
  ['henry', 'harry', 'hank', 'heinrich', 'enrique'],
  ['patrick', 'pat', 'paddy'],
  ['peter', 'pete', 'pyotr', 'petro', 'pedro', 'pierre'],
  ['stephen', 'steven', 'steve', 'stepan', 'stefan'],
  ['timothy', 'tim'],
  ['samuel', 'sam', 'sammy'],
  ['jonathan', 'jon', 'jonny'],
  ['nathan', 'nathaniel', 'nate'],
  ['gregory', 'greg', 'grigory', 'hryhoriy'],
  ['leonid', 'lyonya'],
  ['konstantin', 'kostya', 'constantine'],
  ['vyacheslav', 'slava'],
  ['svetlana', 'sveta'],
  ['tatiana', 'tanya', 'tatyana'],
  ['natalia', 'natasha', 'natalya'],
  ['maria', 'masha', 'mary', 'marie', 'mariya'],
  ['olga', 'olya'],
  ['anastasia', 'nastya'],
  ['valentin', 'valya'],
  ['boris', 'borya'],
  ['kim', 'kimberly'],
];

const INDEX = new Map<string, Set<number>>();
GROUPS.forEach((group, i) => {
  for (const name of group) {
    const k = latinKey(name);
    const set = INDEX.get(k) ?? new Set<number>();
    set.add(i);
    INDEX.set(k, set);
  }
});

/** True when the two given-name keys are forms of the same name. */
export function sameGivenName(a: string, b: string): boolean {
  const ga = INDEX.get(a);
  if (!ga) return false;
  const gb = INDEX.get(b);
  if (!gb) return false;
  for (const g of ga) if (gb.has(g)) return true;
  return false;
}
