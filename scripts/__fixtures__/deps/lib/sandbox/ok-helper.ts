export const helper = () => 'help';
