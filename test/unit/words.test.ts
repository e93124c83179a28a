import { describe, expect, it } from 'vitest'
import { fill, sayer } from '../../components/words.ts'

describe('words', () => {
  it('fills placeholders, and leaves nothing for a missing value', () => {
    expect(fill('Closed {code}: {meaning}', { code: 1006, meaning: 'cut' })).toBe('Closed 1006: cut')
    expect(fill('a {missing} b')).toBe('a  b')
  })

  it('says a word of its table in either language', () => {
    const say = sayer({ hello: { en: 'Hello {name}', zh: '你好 {name}' } })
    expect(say('en', 'hello', { name: 'Alice' })).toBe('Hello Alice')
    expect(say('zh', 'hello', { name: 'Alice' })).toBe('你好 Alice')
  })
})
