import { describe, expect, it } from 'vitest';
import { movableProjects } from './project-choices';

const list = {
  teams: [
    { id: 't1', name: 'vision', projects: [{ id: 'p1', name: 'detector' }] },
    { id: 't2', name: 'speech', projects: [{ id: 'p2', name: 'asr' }, { id: 'p3', name: 'tts' }] },
  ],
  unassignedProjects: [{ id: 'p4', name: 'bench' }],
};

describe('movableProjects', () => {
  it("lists other teams' and unassigned projects by name, each with where it is now", () => {
    expect(movableProjects(list, 't1')).toEqual([
      { id: 'p2', name: 'asr', from: 'speech' },
      { id: 'p4', name: 'bench', from: 'unassigned' },
      { id: 'p3', name: 'tts', from: 'speech' },
    ]);
  });

  it("leaves out the team's own projects", () => {
    expect(movableProjects(list, 't2').map((p) => p.id)).toEqual(['p4', 'p1']);
  });

  it('is empty when the team has every project', () => {
    expect(movableProjects({ teams: [list.teams[0]!], unassignedProjects: [] }, 't1')).toEqual([]);
  });
});
