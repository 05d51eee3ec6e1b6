/** Where a number of the dashboard leads: its goal, or the explanation of a result (the participant page). */
export const links = {
  goal: (ws: string, id: string) => `/w/${ws}/goals/${id}`,
  result: (ws: string, cycleId: string, participantId: string) => `/w/${ws}/cycles/${cycleId}/people/${participantId}`,
  cycle: (ws: string, cycleId: string) => `/w/${ws}/cycles/${cycleId}`,
  plans: (ws: string) => `/w/${ws}/plans`,
  cycles: (ws: string) => `/w/${ws}/cycles`,
};
