import { describe, expect, it } from 'vitest';
import { extractPeople } from './people.js';

const people = (text: string) =>
  extractPeople(text)
    .map((s) => {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      return [s.text, s.confidence] as [string, number];
    })
    .sort((a, b) => text.indexOf(a[0]) - text.indexOf(b[0]) || b[0].length - a[0].length);

describe('extractPeople: Russian', () => {
  it('reads full names by the patronymic, in either order and in oblique cases', () => {
    expect(people('Командировка: Петров Сергей Алексеевич; письмо Ивану Петровичу Орлову.')).toEqual([
      ['Петров Сергей Алексеевич', 0.9],
      ['Ивану Петровичу Орлову', 0.9],
    ]);
  });
  it('reads names with initials before or after the surname', () => {
    expect(people('Подписал И. И. Сидоров, согласовано: Смирнов А.Б.')).toEqual([
      ['И. И. Сидоров', 0.85],
      ['Смирнов А.Б.', 0.85],
    ]);
  });
  it('reads two capitalised words after a person cue', () => {
    expect(people('В командировку едет техник Анна Кузнецова.')).toEqual([['Анна Кузнецова', 0.7]]);
  });
  it('does not take a city for a name', () => {
    expect(people('инженер Москва Сити')).toEqual([]);
  });
});

describe('extractPeople: English', () => {
  it('reads names after titles and cues, before a cue, and in ticket form', () => {
    expect(people('Dear Mr. John Carter, engineer Maria Lopez will fly. Kevin Marsh, technician, arrived. Passenger: IVANOV/SERGEI MR')).toEqual([
      ['John Carter', 0.85],
      ['Maria Lopez', 0.7],
      ['Kevin Marsh', 0.65],
      ['IVANOV/SERGEI', 0.75],
    ]);
  });
  it('does not take months or document words for names', () => {
    expect(people('engineer April May; Invoice Total, manager')).toEqual([]);
  });
});

describe('extractPeople: Chinese', () => {
  it('reads surname + given name before and after person cues, with compound surnames', () => {
    expect(people('联系人：王小明先生。高级工程师李伟将前往莫斯科。张三女士和欧阳娜娜经理。技术员赵刚前往工厂。')).toEqual([
      ['王小明', 0.8],
      ['李伟', 0.7],
      ['张三', 0.8],
      ['欧阳娜娜', 0.8],
      ['赵刚', 0.7],
    ]);
  });
  it('does not read 高级 (senior) before 工程师 as a name', () => {
    expect(people('高级工程师')).toEqual([]);
  });
});
