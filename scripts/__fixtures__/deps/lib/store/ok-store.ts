import { create } from 'zustand';

export const useCounter = create(() => ({ count: 0 }));
