// The .deriv language: layer stacks, distributions, matrices, derivations and checks.
// Pure grammar: no actions, no embedded code. The AST is built in stepwise.syntax.
grammar Deriv;

file        : statement* EOF ;

statement   : titleStmt
            | textStmt
            | stackStmt
            | distStmt
            | letStmt
            | deriveStmt
            | sweepStmt
            | solveStmt
            | checkStmt
            ;

titleStmt   : TITLE text=string ;
textStmt    : TEXT text=string ;
string      : STRING | LONG_STRING ;

// ---- layer stacks -------------------------------------------------------------------------
stackStmt   : STACK name=ID (':' dims=dimsSpec)? ('{' stackItem* '}' | FROM source=ID body=LONG_STRING) ;
dimsSpec    : NUMBER ID ;
stackItem   : repeatBlock
            | (name=ID '=')? layerBody
            ;
layerBody   : parallelBlock | layerCall ;
layerCall   : kind=ID '(' (arg (',' arg)*)? ')' ;
repeatBlock : REPEAT var=ID '=' range '{' stackItem* '}' ;
parallelBlock : PARALLEL '{' pathBlock+ '}' ;
pathBlock   : PATH '{' stackItem* '}' ;

// ---- distributions and matrices -----------------------------------------------------------
distStmt    : DIST name=ID ('(' var=ID ')')? '=' family=ID '(' (expr (',' expr)*)? ')'
              (FOR index=ID '=' range)? ;
letStmt     : LET name=ID '=' (matrix | value=expr (',' namedNumber)*) ;
namedNumber : name=ID '=' expr ;
matrix      : '[' (row (',' row)*)? ']' ;
row         : '[' (expr (',' expr)*)? ']' ;

// ---- derivations and what-if --------------------------------------------------------------
deriveStmt  : DERIVE target=call whereClause? ;
sweepStmt   : SWEEP target=call OVER sweepAxis (',' sweepAxis)* whereClause? ;
sweepAxis   : param=qualified '=' values ;        // one or two: the second gives one curve per value
solveStmt   : SOLVE target=call rel expr FOR param=qualified whereClause? ;
whereClause : WHERE assignment (',' assignment)* ;
assignment  : qualified '=' expr ;
qualified   : ID ('.' ID)? ;
values      : range | '[' expr (',' expr)* ']' ;
range       : lo=expr '..' hi=expr ;
rel         : '=' | '<' | '<=' | '>' | '>=' ;

// ---- checks of hand derivations -----------------------------------------------------------
checkStmt   : CHECK LATEX name=STRING? givenClause? body=string       # latexCheck
            | CHECK name=STRING? givenClause? '{' chain '}'           # chainCheck
            ;
givenClause : GIVEN ID (',' ID)* ;
chain       : expr (rel expr)* ;

// ---- expressions --------------------------------------------------------------------------
// One precedence-climbing rule: tightest first. A sign binds looser than '^' (-x^2 is -(x^2))
// and tighter than '*' (-2*x is (-2)*x); '^' is right-associative.
expr        : <assoc=right> expr '^' expr                         # powerExpr
            | sign=('-' | '+') expr                               # signExpr
            | expr op=('*' | '/') expr                            # mulExpr
            | expr op=('+' | '-') expr                            # addExpr
            | primary                                             # primaryExpr
            ;
primary     : NUMBER                                              # number
            | fn=ID '[' dist=ID ']' '(' expr ')'                  # expectation
            | fn=ID '(' var=ID '=' range ',' expr ')'             # bigOperator
            | call                                                # callPrimary
            | name=ID '[' expr ']'                                # indexed
            | name=ID                                             # symbol
            | '(' expr ')'                                        # parens
            ;
call        : fn=ID '(' (arg (',' arg)*)? ')' ;
arg         : (name=ID '=')? argValue ;
argValue    : '(' expr ',' expr ')'                               # pairValue
            | left=ID '||' right=ID                               # divergencePair
            | expr                                                # singleValue
            ;

// ---- tokens -------------------------------------------------------------------------------
TITLE    : 'title' ;
TEXT     : 'text' ;
STACK    : 'stack' ;
REPEAT   : 'repeat' ;
PARALLEL : 'parallel' ;
PATH     : 'path' ;
DIST     : 'dist' ;
LET      : 'let' ;
DERIVE   : 'derive' ;
SWEEP    : 'sweep' ;
SOLVE    : 'solve' ;
OVER     : 'over' ;
FOR      : 'for' ;
WHERE    : 'where' ;
CHECK    : 'check' ;
GIVEN    : 'given' ;
LATEX    : 'latex' ;
FROM     : 'from' ;

NUMBER      : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)? ;
ID          : LETTER (LETTER | DIGIT | '_')* ;
LONG_STRING : '"""' .*? '"""' ;
STRING      : '"' (~["\\\r\n] | '\\' .)* '"' ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n\f]+ -> skip ;

fragment DIGIT  : [0-9] ;
fragment LETTER : [a-zA-Z_] | [\p{L}] ;
