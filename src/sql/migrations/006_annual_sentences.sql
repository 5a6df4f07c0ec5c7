-- Migration 006 (annual sentences): the sentences the annual follow-up drafts from its figures, from
-- data/annual_sentences.csv, so the city rewords them without code. topic: the rows of view
-- annual_sentence_input a sentence states; template: the text with named placeholders ({n}, {m},
-- {subject} …, each a column of that view); condition: when it applies (empty: always). Per topic and
-- subject the first sentence in file order (sort_order) whose condition holds and whose every
-- placeholder has a value is written.
create table annual_sentence (
    sentence_id varchar primary key,
    topic varchar not null,
    template varchar not null check (template <> ''),
    condition varchar,
    sort_order integer not null
);
