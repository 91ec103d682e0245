export const steps = ['generate'];
