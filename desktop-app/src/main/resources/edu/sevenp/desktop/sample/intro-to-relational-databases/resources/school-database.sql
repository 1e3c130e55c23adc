-- The school database of "Introduction to Relational Databases", the 7P sample course.
--
-- The tables of lesson 9 (constraints) and lesson 10 (campus accounts), with the sample rows the
-- lessons query: five students, four courses, seven enrollments (two not graded yet) and three
-- campus accounts. Every query in the lessons runs against it and gives the results they show.
--
-- For PostgreSQL 10 or later. In an empty database:
--   createdb school
--   psql -d school -f school-database.sql
-- Running it again starts over: the four tables are dropped first.

BEGIN;

DROP TABLE IF EXISTS campus_accounts;
DROP TABLE IF EXISTS enrollments;
DROP TABLE IF EXISTS courses;
DROP TABLE IF EXISTS students;

CREATE TABLE students (
  student_id    INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  first_name    VARCHAR(50)  NOT NULL,
  last_name     VARCHAR(50)  NOT NULL,
  email         VARCHAR(255) NOT NULL UNIQUE,
  year_of_study INTEGER      NOT NULL DEFAULT 1
                CHECK (year_of_study BETWEEN 1 AND 4)
);

CREATE TABLE courses (
  course_id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code      VARCHAR(10)  NOT NULL UNIQUE,
  title     VARCHAR(200) NOT NULL,
  credits   INTEGER      NOT NULL CHECK (credits > 0)
);

CREATE TABLE enrollments (
  student_id INTEGER NOT NULL,
  course_id  INTEGER NOT NULL,
  grade      INTEGER,
  PRIMARY KEY (student_id, course_id),
  CONSTRAINT enrollments_grade_range CHECK (grade BETWEEN 0 AND 100),
  CONSTRAINT enrollments_student_fk FOREIGN KEY (student_id)
    REFERENCES students (student_id) ON DELETE CASCADE,
  CONSTRAINT enrollments_course_fk FOREIGN KEY (course_id)
    REFERENCES courses (course_id) ON DELETE RESTRICT
);

CREATE TABLE campus_accounts (
  student_id INTEGER PRIMARY KEY REFERENCES students (student_id),
  balance    NUMERIC(10, 2) NOT NULL CHECK (balance >= 0)
);

-- The ids are given so that they match the lessons (Ada is student 1, DB101 is course 1).
-- An identity column GENERATED ALWAYS accepts a given id only with OVERRIDING SYSTEM VALUE.
INSERT INTO students (student_id, first_name, last_name, email, year_of_study)
OVERRIDING SYSTEM VALUE
VALUES (1, 'Ada',     'Lovelace', 'ada@example.edu',     2),
       (2, 'Alan',    'Turing',   'alan@example.edu',    3),
       (3, 'Grace',   'Hopper',   'grace@example.edu',   1),
       (4, 'Edgar',   'Codd',     'edgar@example.edu',   4),
       (5, 'Barbara', 'Liskov',   'barbara@example.edu', 1);

INSERT INTO courses (course_id, code, title, credits)
OVERRIDING SYSTEM VALUE
VALUES (1, 'DB101', 'Introduction to Databases', 5),
       (2, 'PR101', 'Programming Basics',        5),
       (3, 'MA120', 'Discrete Mathematics',      4),
       (4, 'NW200', 'Computer Networks',         3);

-- NULL: not graded yet (lesson 7). Barbara takes no course, and nobody takes NW200 (lesson 5).
INSERT INTO enrollments (student_id, course_id, grade)
VALUES (1, 1, 92),
       (1, 2, 85),
       (2, 1, 78),
       (2, 3, NULL),
       (3, 1, NULL),
       (3, 2, 88),
       (4, 3, 95);

INSERT INTO campus_accounts (student_id, balance)
VALUES (1, 50.00),
       (2, 35.00),
       (3, 10.00);

-- New rows without an id continue after the ones above.
SELECT setval(pg_get_serial_sequence('students', 'student_id'), (SELECT max(student_id) FROM students));
SELECT setval(pg_get_serial_sequence('courses', 'course_id'), (SELECT max(course_id) FROM courses));

COMMIT;
