import { describe, expect, it } from 'vitest';
import { luceneMissing } from './run';

describe('bench:compare without Lucene', () => {
  it('names the missing jars and the command that installs them', () => {
    const message = luceneMissing(() => false, () => true);
    expect(message).toMatch(/lucene-core-8\.7\.0\.jar/);
    expect(message).toMatch(/apt-get install -y liblucene8-java default-jdk-headless/);
  });

  it('asks for a JDK when the jars are there but javac is not', () => {
    expect(luceneMissing(() => true, () => false)).toMatch(/no JDK \(javac\)/);
  });

  it('says nothing when both are there', () => {
    expect(luceneMissing(() => true, () => true)).toBeNull();
  });
});
