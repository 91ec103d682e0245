export default function Home() {
  return <main><h1>Backdoor Lab</h1></main>;
}
