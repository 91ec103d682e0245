import { create } from 'zustand';

export const store = create(() => ({}));
