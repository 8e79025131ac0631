<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Watch a two-layer neural network learn the spiral data set of the CS231n “minimal neural network case study”.</source>
        <translation>CS231n の「最小限のニューラルネットワークのケーススタディ」で使われるスパイラル（渦巻き）データを、2層ニューラルネットワークが学習していく様子を観察できます。</translation>
    </message>
    <message>
        <source>Built on:</source>
        <translation>使用しているソフトウェア:</translation>
    </message>
    <message>
        <source>About Spiral GUI</source>
        <translation>Spiral GUI について</translation>
    </message>
</context>
<context>
    <name>CaseStudyBadge</name>
    <message>
        <source>the notes&apos; printed loss</source>
        <translation>ノートの損失</translation>
    </message>
    <message>
        <source>learner&apos;s run (different random draw)</source>
        <translation>学習者の例（別の乱数）</translation>
    </message>
    <message>
        <source>The case study: the notes&apos; printed losses are marked on the loss plot.</source>
        <translation>ケーススタディ: ノートに載っている損失を損失のグラフに印で示しています。</translation>
    </message>
    <message>
        <source>matches the notes: iteration {it}, {ours} = {printed} ✔</source>
        <translation>ノートと一致: 反復 {it}、{ours} = {printed} ✔</translation>
    </message>
    <message>
        <source>differs from the notes: iteration {it}, {ours} ≠ {printed} ✘</source>
        <translation>ノートと不一致: 反復 {it}、{ours} ≠ {printed} ✘</translation>
    </message>
    <message>
        <source>compare with the learner&apos;s printed run (a different random draw), marked on the loss plot</source>
        <translation>学習者が載せた実行結果（別の乱数）と比べてください。損失のグラフに印で示しています</translation>
    </message>
    <message>
        <source>compare with the learner&apos;s printed run (a different random draw): iteration {it}, {ours} here, {printed} there</source>
        <translation>学習者が載せた実行結果（別の乱数）との比較: 反復 {it}、ここでは {ours}、向こうでは {printed}</translation>
    </message>
</context>
<context>
    <name>ConfigError</name>
    <message>
        <source>{name} must be one of {choices}, got {value!r}</source>
        <extracomment>Fields that take a yes/no value. Experiments that are never remembered between launches: the app always starts from the notes.</extracomment>
        <translation>{name} は {choices} のいずれかでなければなりません（入力値: {value!r}）</translation>
    </message>
    <message>
        <source>{name} must be true or false, got {value!r}</source>
        <translation>{name} は true か false でなければなりません（入力値: {value!r}）</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low:,} to {high:,}, got {value!r}</source>
        <translation>{name} は {low:,} から {high:,} までの整数でなければなりません（入力値: {value!r}）</translation>
    </message>
    <message>
        <source>{name} must be between {low:,} and {high:,}, got {value:,}</source>
        <translation>{name} は {low:,} 以上 {high:,} 以下でなければなりません（入力値: {value:,}）</translation>
    </message>
    <message>
        <source>{name} must be a number from {low:g} to {high:g}, got {value!r}</source>
        <translation>{name} は {low:g} から {high:g} までの数値でなければなりません（入力値: {value!r}）</translation>
    </message>
    <message>
        <source>{name} must be between {low:g} and {high:g}, got {value!r}</source>
        <translation>{name} は {low:g} 以上 {high:g} 以下でなければなりません（入力値: {value!r}）</translation>
    </message>
    <message>
        <source>k must be {fixed} for the {dataset} data set, which has {fixed} classes, got {k}</source>
        <translation>{dataset} データセットのクラス数は {fixed} なので、k は {fixed} でなければなりません（入力値: {k}）</translation>
    </message>
    <message>
        <source>this configuration needs about {need} for full-batch training, over the {budget} budget; lower N, K or the hidden size</source>
        <translation>この設定ではフルバッチ学習に約 {need} のメモリが必要で、上限の {budget} を超えています。N、K または隠れ層のサイズを小さくしてください</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Points:</source>
        <extracomment>True when the view needs the CONFUSION extra (it became visible), False when hidden.</extracomment>
        <translation>点:</translation>
    </message>
    <message>
        <source>training</source>
        <translation>訓練データ</translation>
    </message>
    <message>
        <source>test (held out)</source>
        <translation>テストデータ（取り分けた点）</translation>
    </message>
    <message>
        <source>Row: the true class. Column: the class the model predicts (the largest score).
Each cell: how many points, and what share of the row&apos;s class that is.</source>
        <translation>行: 正解のクラス。列: モデルが予測したクラス（スコアが最大のクラス）。
各セル: 点の数と、それが行のクラスに占める割合。</translation>
    </message>
    <message>
        <source>No points are held out: set a held-out fraction above 0 to see test results.</source>
        <translation>テスト用に取り分けた点がありません。テストの結果を見るには、テスト用に取り分ける割合を 0 より大きくしてください。</translation>
    </message>
    <message>
        <source>true {0}</source>
        <translation>正解 {0}</translation>
    </message>
    <message>
        <source>pred. {0}</source>
        <translation>予測 {0}</translation>
    </message>
    <message>
        <source>{correct} of {total} points on the diagonal (correct): {share}</source>
        <translation>{total} 点のうち {correct} 点が対角線上（正解）: {share}</translation>
    </message>
</context>
<context>
    <name>CostNotice</name>
    <message>
        <source>One iteration will take about {0} at this size: Step and Pause answer at once, and the status bar shows how far each iteration is.</source>
        <translation>このサイズでは 1 反復に約 {0} かかります。1 ステップと一時停止はすぐに反応し、各反復の進み具合はステータスバーに表示されます。</translation>
    </message>
    <message>
        <source>building the data and the first picture (about {0})…</source>
        <translation>データと最初の図を作成中（約 {0}）…</translation>
    </message>
    <message>
        <source>iteration {0}: {1}% of the rows</source>
        <translation>反復 {0}: 行の {1}%</translation>
    </message>
    <message>
        <source>, about {0} left in this iteration</source>
        <translation>、この反復の残りは約 {0}</translation>
    </message>
</context>
<context>
    <name>DecisionView</name>
    <message>
        <source>Decision regions and training points</source>
        <extracomment>The points&apos; outline: dark and opaque, so that a pale class stands out on its own pale region. Held-out points, hollow: the class&apos;s marker shape, outlined in its colour, no fill. &quot;regions at iteration n&quot;, shown while the regions lag the readouts. shade cells by confidence (else the crisp argmax map) the iteration of the regions on screen The class grid on screen ((rows, cols) uint8, row 0 at the lowest y); `image.image` holds its RGB pixels.</extracomment>
        <translation>決定領域と訓練データの点</translation>
    </message>
    <message>
        <source>showing {shown} of {total} points (every {stride}th)</source>
        <translation>{total} 点のうち {shown} 点を表示（{stride} 点ごとに 1 点）</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>クラス {0}</translation>
    </message>
    <message>
        <source>regions at iteration {0}</source>
        <translation>反復 {0} の決定領域</translation>
    </message>
</context>
<context>
    <name>Divergence</name>
    <message>
        <source>training diverged: loss became {what} at iteration {iteration}; {advice}</source>
        <translation>学習が発散しました: 反復 {iteration} で損失が {what} になりました。{advice}</translation>
    </message>
    <message>
        <source>lower the step size</source>
        <extracomment>What to do about it, by the setting to change.</extracomment>
        <translation>step_size（学習率）を小さくしてください</translation>
    </message>
    <message>
        <source>lower reg or the step size (step_size × reg must stay below 2)</source>
        <translation>reg か step_size を小さくしてください（step_size × reg は 2 未満でなければなりません）</translation>
    </message>
    <message>
        <source>infinite</source>
        <extracomment>The word for an infinite loss.</extracomment>
        <translation>無限大</translation>
    </message>
</context>
<context>
    <name>GradcheckView</name>
    <message>
        <source>array</source>
        <extracomment>Kink entries named in the sentence, at most.</extracomment>
        <translation>配列</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>チェック数</translation>
    </message>
    <message>
        <source>max rel. error</source>
        <translation>最大相対誤差</translation>
    </message>
    <message>
        <source>result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>kinks</source>
        <translation>折れ点</translation>
    </message>
    <message>
        <source>Entries left out: the finite difference crosses a ReLU kink there</source>
        <translation>除外した要素: そこでは有限差分が ReLU の折れ点をまたぎます</translation>
    </message>
    <message>
        <source>The gradient check failed to run: {0}</source>
        <translation>勾配チェックを実行できませんでした: {0}</translation>
    </message>
    <message>
        <source>{m} of {n} (sample)</source>
        <translation>{n} 個中 {m} 個（標本）</translation>
    </message>
    <message>
        <source>– all kinks</source>
        <translation>– すべて折れ点</translation>
    </message>
    <message>
        <source>At iteration {it}: </source>
        <translation>反復 {it} で: </translation>
    </message>
    <message>
        <source>Largest relative error {worst}: at or below 1e-6 in float64 the analytic gradient is right (centred differences, h = {h:g}).</source>
        <translation>最大の相対誤差は {worst}。float64 で 1e-6 以下なら解析的な勾配は正しいと言えます（中心差分、h = {h:g}）。</translation>
    </message>
    <message>
        <source>{arrays} off by up to {worst}: without the line dhidden[hidden_layer &lt;= 0] = 0 the backward pass sends gradient back through units that were off, so dW and db are not the loss&apos;s gradient. This is what the line is for.</source>
        <translation>{arrays} が最大 {worst} ずれています。dhidden[hidden_layer &lt;= 0] = 0 の行がないと、逆伝播はオフだったユニットにも勾配を流すので、dW と db は損失の勾配になりません。この行はそのためにあります。</translation>
    </message>
    <message>
        <source>Relative errors above 1e-6 for {arrays} (up to {worst}): the analytic gradient disagrees with the finite differences there.</source>
        <translation>{arrays} の相対誤差が 1e-6 を超えています（最大 {worst}）。そこでは解析的な勾配が有限差分と一致しません。</translation>
    </message>
    <message>
        <source>Large arrays were checked on a random sample of {m} entries each (seed {seed}); the others entry by entry.</source>
        <translation>大きな配列はそれぞれ {m} 個の要素をランダムに抽出してチェックしました（シード {seed}）。ほかの配列はすべての要素をチェックしました。</translation>
    </message>
    <message>
        <source>Every entry was checked.</source>
        <translation>すべての要素をチェックしました。</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> ほか {n} 個</translation>
    </message>
    <message>
        <source>Left out: {entries}, where the finite difference crosses a ReLU kink (some point&apos;s z = x·W + b changes sign within the step), which can give a larger error ({worst}) without the gradient being wrong.</source>
        <translation>除外: {entries}。そこでは有限差分が ReLU の折れ点をまたぐため（ある点の z = x·W + b が差分の幅の中で符号を変える）、勾配が正しくても誤差が大きくなることがあります（{worst}）。</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>row {row}</source>
        <extracomment>The marks over zeroed cells: translucent dark grey.</extracomment>
        <translation>行 {row}</translation>
    </message>
    <message>
        <source>row {row} (class {cls})</source>
        <translation>行 {row}（クラス {cls}）</translation>
    </message>
    <message>
        <source>{where}, column {col}: {value}</source>
        <translation>{where}、列 {col}: {value}</translation>
    </message>
    <message>
        <source>  — set to 0 by this line</source>
        <translation>  — この行で 0 になる</translation>
    </message>
</context>
<context>
    <name>IterationTools</name>
    <message>
        <source>One iteration, line by line</source>
        <extracomment>Above this many cells in the hidden layer (points × hidden units) line by line is refused: the stepper keeps every array of the iteration (≈ 5 arrays of this size, 200 MB at 5e6). Parameters may differ from the notebook&apos;s update lines by this much (max norm, relative). The check&apos;s result, for the window to place; hidden until the first check.</extracomment>
        <translation>1 反復を 1 行ずつ</translation>
    </message>
    <message>
        <source>Step into…</source>
        <translation>ステップイン…</translation>
    </message>
    <message>
        <source>Run the next iteration one line of the notebook at a time and see every array (Shift+S)</source>
        <translation>次の反復をノートブックの 1 行ずつ実行し、すべての配列を見ます（Shift+S）</translation>
    </message>
    <message>
        <source>Step into one iteration, line by line</source>
        <translation>1 反復に入って 1 行ずつ実行</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>勾配チェック</translation>
    </message>
    <message>
        <source>Compare the analytic gradient with centred finite differences of the loss at the current weights</source>
        <translation>現在の重みで、解析的な勾配を損失の中心差分と比べます</translation>
    </message>
    <message>
        <source>Skip the ReLU backward mask</source>
        <translation>ReLU 逆伝播のマスクを省く</translation>
    </message>
    <message>
        <source>Experiment on: the line dhidden[hidden_layer &lt;= 0] = 0 is taken out. Training and the gradient check now use a gradient that also flows back through units that were off: it is not the loss&apos;s gradient. This is what the line is for. Untick to restore the notes.</source>
        <translation>実験中: dhidden[hidden_layer &lt;= 0] = 0 の行を取り除いています。学習と勾配チェックは、オフだったユニットにも逆向きに流れる勾配を使っていますが、これは損失の勾配ではありません。この行はそのためにあります。ノートどおりに戻すにはチェックを外してください。</translation>
    </message>
    <message>
        <source>Line by line follows the notes&apos; plain gradient descent: choose that optimizer to step into an iteration.</source>
        <translation>1 行ずつの実行はノートの素朴な勾配降下法に従います。反復にステップインするには、その最適化手法を選んでください。</translation>
    </message>
    <message>
        <source>Line by line follows the notes&apos; full-batch iteration: set the batch size to 0 to step into an iteration.</source>
        <translation>1 行ずつの実行はノートのフルバッチの反復に従います。反復にステップインするには、バッチサイズを 0 にしてください。</translation>
    </message>
    <message>
        <source>Line by line keeps every array of the iteration: it needs a smaller configuration (points × hidden units at most {n}).</source>
        <translation>1 行ずつの実行では反復のすべての配列を保持するので、もっと小さい設定が必要です（点の数 × 隠れユニットの数が {n} 以下）。</translation>
    </message>
    <message>
        <source>An experiment, never saved: leave out the line dhidden[hidden_layer &lt;= 0] = 0. A new run starts from the same initial weights; untick to get the notes&apos; run back.</source>
        <translation>保存されない実験: dhidden[hidden_layer &lt;= 0] = 0 の行を省きます。同じ初期の重みから新しい実行が始まります。チェックを外すとノートどおりの実行に戻ります。</translation>
    </message>
    <message>
        <source>The softmax classifier has no hidden layer, so no mask.</source>
        <translation>ソフトマックス分類器には隠れ層がないので、マスクもありません。</translation>
    </message>
    <message>
        <source>tanh and sigmoid have no mask: their backward line multiplies by the slope instead.</source>
        <translation>tanh と sigmoid にはマスクがありません。代わりに逆伝播の行で傾きを掛けます。</translation>
    </message>
    <message>
        <source>Pausing training…</source>
        <translation>学習を一時停止しています…</translation>
    </message>
    <message>
        <source>Training is running: pause it (or press Step into again) to go through an iteration line by line.</source>
        <translation>学習中です。反復を 1 行ずつたどるには、一時停止してください（またはもう一度ステップインを押してください）。</translation>
    </message>
    <message>
        <source>The iteration budget is spent: the lines can be run and read, but Finish needs a larger Iterations value.</source>
        <translation>反復回数の上限に達しました。行の実行と確認はできますが、完了するには反復回数を増やす必要があります。</translation>
    </message>
    <message>
        <source>Training is paused at iteration {it}. Each line runs on the real arrays of this run.</source>
        <translation>学習は反復 {it} で一時停止中です。各行はこの実行の実際の配列で動きます。</translation>
    </message>
    <message>
        <source>Step taken: the run&apos;s new weights are the update lines&apos; (largest difference {d:.1e} of the weights&apos; size).</source>
        <translation>ステップを実行しました: 実行の新しい重みは更新の行が求めた重みと同じです（最大の差は重みの大きさの {d:.1e}）。</translation>
    </message>
    <message>
        <source>Step taken, but the run&apos;s new weights differ from the update lines&apos; by {d:.1e} of their size.</source>
        <translation>ステップを実行しましたが、実行の新しい重みは更新の行が求めた重みと、大きさの {d:.1e} だけ異なります。</translation>
    </message>
    <message>
        <source>Taking the step…</source>
        <translation>ステップを実行しています…</translation>
    </message>
    <message>
        <source>Checking the gradient at iteration {it}…</source>
        <translation>反復 {it} で勾配をチェックしています…</translation>
    </message>
</context>
<context>
    <name>IterationView</name>
    <message>
        <source>One iteration, line by line</source>
        <extracomment>Arrays whose columns are the classes, per model; the rest of the net&apos;s are hidden units.</extracomment>
        <translation>1 反復を 1 行ずつ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Undo the last line: its array is shown again as it was</source>
        <translation>最後の行を取り消し、その配列を元の状態で表示し直します</translation>
    </message>
    <message>
        <source>Next line (Shift+S)</source>
        <translation>次の行（Shift+S）</translation>
    </message>
    <message>
        <source>Run the next line of the notebook on the current arrays</source>
        <translation>ノートブックの次の行を現在の配列で実行します</translation>
    </message>
    <message>
        <source>Finish: take the step</source>
        <translation>完了: ステップを実行</translation>
    </message>
    <message>
        <source>Commit this iteration: the run takes one ordinary Step, which lands on the parameters the update lines produced</source>
        <translation>この反復を確定します。実行は通常の 1 ステップを進め、更新の行が求めたパラメータにたどり着きます</translation>
    </message>
    <message>
        <source>Nothing has run yet. Press Next line (or Shift+S) to run the first line of the iteration on the current weights and data.</source>
        <translation>まだ何も実行していません。「次の行」（または Shift+S）を押すと、現在の重みとデータで反復の最初の行を実行します。</translation>
    </message>
    <message>
        <source>{name}: shape {shape}, {dtype}; min {lo}, max {hi}, mean {mean}</source>
        <translation>{name}: 形状 {shape}、{dtype}。最小 {lo}、最大 {hi}、平均 {mean}</translation>
    </message>
    <message>
        <source>class k</source>
        <translation>クラス k</translation>
    </message>
    <message>
        <source>hidden unit j</source>
        <translation>隠れユニット j</translation>
    </message>
    <message>
        <source>point i (grouped by class)</source>
        <translation>点 i（クラスごと）</translation>
    </message>
    <message>
        <source>input dimension</source>
        <translation>入力の次元</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Waiting for the paused run…</source>
        <translation>実行が一時停止するのを待っています…</translation>
    </message>
    <message>
        <source>two-layer net</source>
        <translation>2層ネットワーク</translation>
    </message>
    <message>
        <source>softmax classifier</source>
        <translation>ソフトマックス分類器</translation>
    </message>
    <message>
        <source>Iteration {it} of the {what}: {done} of {count} lines run</source>
        <translation>{what}の反復 {it}: {count} 行のうち {done} 行を実行済み</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>The Japanese translation could not be loaded: the window stays in English.</source>
        <extracomment>The choices, in the menu&apos;s order. Languages the app has a translation for, besides its source language, English. Where the compiled translations (.qm) are, inside the package (and the bundle). The language in effect (&quot;en&quot; or &quot;ja&quot;) after each `apply`. One line on why the chosen language is not shown (&quot;&quot; when it is).</extracomment>
        <translation>日本語の翻訳を読み込めなかったため、英語で表示します。</translation>
    </message>
    <message>
        <source>No installed font has Japanese characters, so the window stays in English (install one, e.g. fonts-noto-cjk).</source>
        <translation>日本語の文字を含むフォントがインストールされていないため、英語で表示します（fonts-noto-cjk などをインストールしてください）。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System ({0})</source>
        <translation>システムの設定（{0}）</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>Loss</source>
        <extracomment>The user clicked the plot at this iteration (the nearest whole one, within the run). Data loss on the held-out points, measured with each decision grid: sampled, so drawn as dots joined by a dashed line; in the legend only while there is one. Where a replayed checkpoint sits on the curve (hidden while the view is live).</extracomment>
        <translation>損失</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>反復</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>バッチの損失</translation>
    </message>
    <message>
        <source>full training loss</source>
        <translation>訓練データ全体の損失</translation>
    </message>
    <message>
        <source>total loss</source>
        <translation>全体の損失</translation>
    </message>
    <message>
        <source>data loss</source>
        <translation>データ損失</translation>
    </message>
    <message>
        <source>test data loss (held out)</source>
        <translation>テストのデータ損失（取り分けた点）</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pause</source>
        <extracomment>Emitted on the GUI thread after every view has drawn a snapshot (tests wait on this). Every view, drawn in this order from each snapshot of the current run. says once that the settings file cannot be written</extracomment>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Training stopped by an error: {0}</source>
        <translation>エラーのため学習が止まりました: {0}</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>学習エラー</translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation>学習が止まりました: {0}</translation>
    </message>
    <message>
        <source>Spiral GUI — watch a neural network learn</source>
        <translation>Spiral GUI — ニューラルネットワークが学習する様子を見る</translation>
    </message>
    <message>
        <source>{name}[*] — Spiral GUI</source>
        <translation>{name}[*] — Spiral GUI</translation>
    </message>
    <message>
        <source>Train until the iteration budget is spent, or pause (Space)</source>
        <translation>反復回数の上限まで学習します。学習中なら一時停止します（Space）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <source>Advance exactly one iteration of gradient descent (S)</source>
        <translation>勾配降下法をちょうど 1 反復だけ進めます（S）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Re-draw the weights from the seed and clear the loss curve (R)</source>
        <translation>シードから重みを引き直し、損失曲線を消去します（R）</translation>
    </message>
    <message>
        <source>Log-scale loss axis</source>
        <translation>損失軸を対数表示</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Inside the model</source>
        <translation>モデルの中身</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混同行列</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Export decision regions…</source>
        <translation>決定領域を書き出す…</translation>
    </message>
    <message>
        <source>Export loss curve…</source>
        <translation>損失曲線を書き出す…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>Start / Pause</source>
        <translation>開始 / 一時停止</translation>
    </message>
    <message>
        <source>Step one iteration</source>
        <translation>1 反復だけ進める</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重みをリセット</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Spiral GUI</source>
        <translation>Spiral GUI について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MaskLineView</name>
    <message>
        <source>dhidden before</source>
        <extracomment>The line and its equivalents, as code (not translated).</extracomment>
        <translation>マスク前の dhidden</translation>
    </message>
    <message>
        <source>hidden_layer &lt;= 0</source>
        <translation>hidden_layer &lt;= 0</translation>
    </message>
    <message>
        <source>dhidden after</source>
        <translation>マスク後の dhidden</translation>
    </message>
    <message>
        <source>point i (grouped by class)</source>
        <translation>点 i（クラスごと）</translation>
    </message>
    <message>
        <source>hidden unit j</source>
        <translation>隠れユニット j</translation>
    </message>
    <message>
        <source>The same line, three other ways</source>
        <translation>同じ行を別の 3 通りで</translation>
    </message>
    <message>
        <source>Worked example: z → ReLU → upstream gradient → masked gradient</source>
        <translation>計算例: z → ReLU → 上流からの勾配 → マスク後の勾配</translation>
    </message>
    <message>
        <source>Why hidden_layer and not the pre-activation z = np.dot(X, W) + b? hidden_layer = max(0, z) is 0 exactly where z ≤ 0 and equals z where z &gt; 0, so hidden_layer &lt;= 0 is the same mask as z &lt;= 0, and the notebook did not keep z.</source>
        <translation>なぜ活性化前の z = np.dot(X, W) + b ではなく hidden_layer なのでしょう? hidden_layer = max(0, z) は z ≤ 0 のところでちょうど 0、z &gt; 0 のところで z に等しいので、hidden_layer &lt;= 0 は z &lt;= 0 と同じマスクになります。そしてノートブックは z を残していません。</translation>
    </message>
    <message>
        <source>{zeroed} of {total} entries set to 0</source>
        <translation>{total} 個の要素のうち {zeroed} 個を 0 に</translation>
    </message>
    <message>
        <source> ({changed:} of them were not 0 before); grey on the right</source>
        <translation>（そのうち {changed:} 個は前は 0 ではなかった）。右側の灰色</translation>
    </message>
    <message>
        <source>The next lines are dW = np.dot(X.T, dhidden) and db = np.sum(dhidden, axis=0): a zeroed entry (i, j) adds nothing to column j of dW or to b[j], so point i sends no gradient into unit j&apos;s weights W[:, j] and bias b[j].</source>
        <translation>次の行は dW = np.dot(X.T, dhidden) と db = np.sum(dhidden, axis=0) です。0 にされた要素 (i, j) は dW の列 j にも b[j] にも何も加えないので、点 i はユニット j の重み W[:, j] とバイアス b[j] に勾配を送りません。</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>通す</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>遮断</translation>
    </message>
    <message>
        <source>upstream dhidden</source>
        <translation>上流からの dhidden</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>マスク後</translation>
    </message>
    <message>
        <source>no such entry</source>
        <translation>該当する要素なし</translation>
    </message>
</context>
<context>
    <name>ModelTextView</name>
    <message>
        <source>Now &lt;b&gt;{pct}&lt;/b&gt; of the {count} hidden values are &amp;gt; 0 and pass the gradient whole; the rest pass {slope} of it, never nothing: no unit can die.</source>
        <translation>現在、隠れ層の {count} 個の値のうち &lt;b&gt;{pct}&lt;/b&gt; が &amp;gt; 0 で、勾配をそのまま通します。残りも勾配の {slope} を通し、まったく通さないことはないので、死んだユニットにはなりません。</translation>
    </message>
    <message>
        <source>No unit is ever cut off: the slope is never 0, so there are no dead units. It shrinks where a unit saturates (its output near {ends}): the mean factor over the {count} hidden values is now &lt;b&gt;{slope}&lt;/b&gt; (at most {top}).</source>
        <translation>どのユニットも遮断されることはありません。傾きが 0 になることはないので、死んだユニットはありません。ただしユニットが飽和する（出力が {ends} に近い）ところでは傾きが小さくなります。隠れ層の {count} 個の値についての係数の平均は、現在 &lt;b&gt;{slope}&lt;/b&gt; です（最大 {top}）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Softmax linear classifier&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;ソフトマックス線形分類器&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>One straight boundary per pair of classes: it cannot follow the arms.</source>
        <translation>境界はクラスの組ごとに直線 1 本なので、渦の腕に沿って曲がることはできません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Two-layer {activation} net&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;2層ニューラルネットワーク（{activation}）&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{activation} backward:&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;{activation} の逆伝播:&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Now &lt;b&gt;{pct}&lt;/b&gt; of the {count} hidden values are &amp;gt; 0: gradient flows back through those only. For the rest, max(0, z) is flat, its slope is 0, so they pass none.</source>
        <extracomment>Its backward line, as the notes would write it.</extracomment>
        <translation>現在、隠れ層の {count} 個の値のうち &lt;b&gt;{pct}&lt;/b&gt; が &amp;gt; 0 です。勾配はそこだけを通って逆向きに流れます。残りの値では max(0, z) が平らで傾きが 0 なので、勾配はまったく流れません。</translation>
    </message>
</context>
<context>
    <name>OptionSection</name>
    <message>
        <source>Optimizer and network</source>
        <extracomment>The fields of the section, in the order of its rows. The rows shown only for the optimizers that read them (optimizers.HYPER). The item role holding a choice&apos;s full title, shown in the open list (the box shows the short one). Field name → its widget, in row order.</extracomment>
        <translation>最適化手法とネットワーク</translation>
    </message>
    <message>
        <source>How each step is taken and what the hidden layer computes; click to fold or unfold</source>
        <translation>各ステップの進め方と隠れ層の計算。クリックで折りたたみ・展開します</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>フルバッチ</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>Changing it starts a new run (new data or new weights).</source>
        <translation>変更すると新しい実行が始まります（新しいデータ、または新しい重み）。</translation>
    </message>
    <message>
        <source>Changes apply at the next iteration, without a reset.</source>
        <translation>変更は次の反復から反映されます。リセットは不要です。</translation>
    </message>
    <message>
        <source>{0} must be a finite number</source>
        <extracomment>Enough decimals for any double from 0.001 up to keep its exact value. Custom points use classes below this: K may not go lower (the window keeps it). Each field&apos;s label, by field name. What the message under the controls says, re-worded on a language change.</extracomment>
        <translation>{0} は有限の数値でなければなりません</translation>
    </message>
    <message>
        <source>the custom points use {0} classes, so K may not be lower</source>
        <translation>カスタムの点は {0} クラスを使っているので、K をそれより小さくはできません</translation>
    </message>
    <message>
        <source>The {title} data set has {k} classes: K is fixed at {k}.</source>
        <translation>{title} データセットのクラス数は {k} なので、K は {k} に固定されます。</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>適用しませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <source>Paint points</source>
        <extracomment>Most often the edited points are sent to training while painting (milliseconds). A drag paints a point each time the pointer has moved this far (pixels). A right click removes the nearest point within this distance (pixels).</extracomment>
        <translation>点を描画</translation>
    </message>
    <message>
        <source>✎ Draw points</source>
        <extracomment>Every point after an edit: X (n, 2) float64 and y (n,) uint8, read-only. the points being edited (None until the first edit)</extracomment>
        <translation>✎ 点を描く</translation>
    </message>
    <message>
        <source>Edit mode: left click adds a point of the chosen class, dragging paints several,
right click removes the nearest point. Keys 1–9 choose the class. Training goes on:
the weights are kept and the boundary adapts. Edited data is &quot;custom&quot;.</source>
        <translation>編集モード: 左クリックで選んだクラスの点を追加し、ドラッグで複数の点を描き、
右クリックで最も近い点を削除します。キー 1–9 でクラスを選びます。学習は続き、
重みはそのままで境界が追従します。編集したデータは「カスタム」になります。</translation>
    </message>
    <message>
        <source>The class of the points you add (keys 1–9 on the plot)</source>
        <translation>追加する点のクラス（グラフ上でキー 1–9）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Remove every point (undo brings them back)</source>
        <translation>すべての点を削除します（元に戻すで復元できます）</translation>
    </message>
    <message>
        <source>Undo the last edit of the points (Ctrl+Z)</source>
        <translation>点の最後の編集を元に戻します（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo it (Ctrl+Shift+Z)</source>
        <translation>やり直します（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>クラス {0}</translation>
    </message>
    <message>
        <source>click: add · drag: paint · right click: remove</source>
        <translation>クリック: 追加 · ドラッグ: 描画 · 右クリック: 削除</translation>
    </message>
    <message>
        <source>the plane is empty: click to add points</source>
        <translation>平面に点がありません。クリックして点を追加してください</translation>
    </message>
    <message>
        <source>no points: turn on Draw points to add some</source>
        <translation>点がありません。「点を描く」をオンにして追加してください</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>点を追加</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>点を削除</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>点を消去</translation>
    </message>
</context>
<context>
    <name>PointInspector</name>
    <message>
        <source>&lt;b&gt;Training point {i}&lt;/b&gt; at x = {x}, class y = {y}</source>
        <extracomment>Units listed by index in the sentence before &quot;and N more&quot;. Up to this many units the rows are also printed as numbers.</extracomment>
        <translation>&lt;b&gt;訓練データの点 {i}&lt;/b&gt;（x = {x}、クラス y = {y}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;A spot of the plane&lt;/b&gt; at x = {x}</source>
        <translation>&lt;b&gt;平面上の位置&lt;/b&gt;（x = {x}）</translation>
    </message>
    <message>
        <source>, explained as class {y}</source>
        <translation>、クラス {y} として説明</translation>
    </message>
    <message>
        <source>predicted class {p}: correct</source>
        <translation>予測クラス {p}: 正解</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b2182b&apos;&gt;predicted class {p}: misclassified&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b2182b&apos;&gt;予測クラス {p}: 誤分類&lt;/span&gt;</translation>
    </message>
    <message>
        <source>predicted class {p}</source>
        <translation>予測クラス {p}</translation>
    </message>
    <message>
        <source>none (no loss, no gradient)</source>
        <translation>なし（損失も勾配もなし）</translation>
    </message>
    <message>
        <source>class {c}</source>
        <translation>クラス {c}</translation>
    </message>
    <message>
        <source>class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>L_i = −log probs[y_i] = &lt;b&gt;{loss}&lt;/b&gt;; dscores = (probs − onehot(y_i)) / {n}</source>
        <translation>L_i = −log probs[y_i] = &lt;b&gt;{loss}&lt;/b&gt;、dscores = (probs − onehot(y_i)) / {n}</translation>
    </message>
    <message>
        <source>No class: no loss term and no gradient. Pick a class above to see them.</source>
        <translation>クラスがないので、損失の項も勾配もありません。見るには上でクラスを選んでください。</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> ほか {count} 個</translation>
    </message>
    <message>
        <source>Active units (hidden_layer &amp;gt; 0): {units}; off: {off} units.</source>
        <translation>活性なユニット（hidden_layer &amp;gt; 0）: {units}。オフ: {off} 個。</translation>
    </message>
    <message>
        <source>This point sends gradient to all {h} units: hidden_layer &amp;gt; 0 for every one.</source>
        <translation>この点は {h} 個すべてのユニットに勾配を送ります。どのユニットでも hidden_layer &amp;gt; 0 です。</translation>
    </message>
    <message>
        <source>This point sends gradient to &lt;b&gt;no&lt;/b&gt; unit: hidden_layer ≤ 0 for all {h}, so its whole dhidden row is zeroed.</source>
        <translation>この点はどのユニットにも勾配を&lt;b&gt;送りません&lt;/b&gt;。{h} 個すべてで hidden_layer ≤ 0 なので、dhidden のこの点の行はすべて 0 になります。</translation>
    </message>
    <message>
        <source>This point sends gradient to units &lt;b&gt;{units}&lt;/b&gt; and none to the &lt;b&gt;{count}&lt;/b&gt; units where hidden_layer ≤ 0 ({masked}).</source>
        <translation>この点はユニット &lt;b&gt;{units}&lt;/b&gt; に勾配を送り、hidden_layer ≤ 0 の &lt;b&gt;{count}&lt;/b&gt; 個のユニット（{masked}）には送りません。</translation>
    </message>
    <message>
        <source>This point sends gradient to units &lt;b&gt;{units}&lt;/b&gt; and none to the one unit where hidden_layer ≤ 0 ({masked}).</source>
        <translation>この点はユニット &lt;b&gt;{units}&lt;/b&gt; に勾配を送り、hidden_layer ≤ 0 の 1 個のユニット（{masked}）には送りません。</translation>
    </message>
    <message>
        <source>dhidden</source>
        <translation>dhidden</translation>
    </message>
    <message>
        <source>after mask</source>
        <translation>マスク後</translation>
    </message>
    <message>
        <source>Point inspector</source>
        <translation>点の詳細</translation>
    </message>
    <message>
        <source>Explain as class:</source>
        <translation>説明に使うクラス:</translation>
    </message>
    <message>
        <source>z per unit j (grey: ReLU off)</source>
        <translation>ユニット j ごとの z（灰色: ReLU がオフ）</translation>
    </message>
    <message>
        <source>dhidden: before the mask, after; ✕ zeroed</source>
        <translation>dhidden: マスク前、マスク後。✕ は 0 にされた値</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Presentation mode</source>
        <extracomment>How much larger fonts and markers are, and curves thicker, in presentation mode.</extracomment>
        <translation>発表モード</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>発表モードを終了</translation>
    </message>
</context>
<context>
    <name>ReadoutsView</name>
    <message>
        <source>diverged — last finite loss {loss}</source>
        <translation>発散 — 最後の有限な損失 {loss}</translation>
    </message>
    <message>
        <source>{rate} iterations/s</source>
        <translation>{rate} 反復/秒</translation>
    </message>
    <message>
        <source>accuracy of the initial weights; no loss computed yet</source>
        <translation>初期の重みでの精度。損失はまだ計算していません</translation>
    </message>
    <message>
        <source>loss of iteration {i}&apos;s batch at the weights of iteration {i}</source>
        <translation>反復 {i} の重みでの、反復 {i} のバッチの損失</translation>
    </message>
    <message>
        <source>loss of the weights at iteration {i}</source>
        <translation>反復 {i} の重みでの損失</translation>
    </message>
    <message>
        <source>; accuracy of the weights after iteration {i}</source>
        <translation>。反復 {i} のあとの重みでの精度</translation>
    </message>
    <message>
        <source>Iteration</source>
        <extracomment>The titles left of the readouts, in the order of `rows`.</extracomment>
        <translation>反復</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>訓練精度</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>テスト精度</translation>
    </message>
    <message>
        <source>Test loss (data)</source>
        <translation>テスト損失（データ）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Measured on the held-out points, which training never sees</source>
        <translation>学習では一度も使わない、取り分けた点で測ります</translation>
    </message>
</context>
<context>
    <name>RegionOptionsBar</name>
    <message>
        <source>Shade by certainty</source>
        <extracomment>(shaded, palette name) whenever either changes. Why the choice could not be saved, in the app&apos;s words.</extracomment>
        <translation>確信度で濃淡をつける</translation>
    </message>
    <message>
        <source>Each cell of the decision regions fades towards white as the winning class&apos;s softmax probability falls: pale zones are where the model is unsure. Off: the notes&apos; crisp argmax map.</source>
        <translation>決定領域の各セルは、最も確率の高いクラスのソフトマックス確率が下がるほど白に近づきます。淡い部分はモデルが確信を持てないところです。オフ: ノートどおりのくっきりした argmax の地図。</translation>
    </message>
    <message>
        <source>Spectral colours (the notes)</source>
        <translation>Spectral の配色（ノートどおり）</translation>
    </message>
    <message>
        <source>Colour-blind-safe colours (Okabe–Ito)</source>
        <translation>色覚に配慮した配色（Okabe–Ito）</translation>
    </message>
    <message>
        <source>Class colours</source>
        <translation>クラスの色</translation>
    </message>
    <message>
        <source>The class colours: the case study&apos;s Spectral map, or Okabe and Ito&apos;s palette, which stays distinct with the common colour-vision deficiencies</source>
        <translation>クラスの色: ケーススタディの Spectral の配色か、よくある色覚特性でも見分けやすい Okabe–Ito の配色</translation>
    </message>
</context>
<context>
    <name>SaveNotice</name>
    <message>
        <source>Settings not saved</source>
        <translation>設定を保存できませんでした</translation>
    </message>
    <message>
        <source>The next launch starts from the settings saved before.</source>
        <translation>次回の起動時は、以前に保存した設定から始まります。</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>&amp;Save session</source>
        <extracomment>A session or imported points replaced the run (the path), or a file was written. A message box was shown (its text): one per refused file or failed write.</extracomment>
        <translation>セッションを保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>名前を付けてセッションを保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>セッションを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったセッション(&amp;R)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>CSV として書き出す</translation>
    </message>
    <message>
        <source>Loss history as CSV…</source>
        <translation>損失の履歴を CSV で…</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>データを CSV で…</translation>
    </message>
    <message>
        <source>&amp;Import points from CSV…</source>
        <translation>CSV から点をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>セッションを保存</translation>
    </message>
    <message>
        <source>Spiral GUI session (*.spiral)</source>
        <translation>Spiral GUI セッション (*.spiral)</translation>
    </message>
    <message>
        <source>Could not save the session</source>
        <translation>セッションを保存できませんでした</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>{name} was not written: {error}</source>
        <translation>{name} を書き込めませんでした: {error}</translation>
    </message>
    <message>
        <source>Saved the session to {0}</source>
        <translation>セッションを {0} に保存しました</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>セッションを開く</translation>
    </message>
    <message>
        <source>Spiral GUI session (*.spiral);;All files (*)</source>
        <translation>Spiral GUI セッション (*.spiral);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>点をインポート</translation>
    </message>
    <message>
        <source>CSV file (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open {name}</source>
        <translation>{name} を開けません</translation>
    </message>
    <message>
        <source>Opened {name} at iteration {iteration}</source>
        <translation>{name} を反復 {iteration} で開きました</translation>
    </message>
    <message>
        <source>Imported the points of {name}: {iteration} iterations so far</source>
        <translation>{name} の点をインポートしました: これまでに {iteration} 反復</translation>
    </message>
    <message>
        <source>(no sessions yet)</source>
        <translation>（セッションはまだありません）</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>一覧を消去</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>&amp;Speed</source>
        <extracomment>The speed chosen, in iterations per second (`inf`: as fast as training goes). Why the choice could not be saved, in the app&apos;s words.</extracomment>
        <translation>再生速度(&amp;S)</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>{0} /s</source>
        <translation>{0} /秒</translation>
    </message>
    <message>
        <source>Iterations per second. Below Max every frame shows the regions, loss and accuracy of one iteration, so you can watch the spiral form; Max trains as fast as it can and refreshes the pictures less often. Step (S) always does exactly one iteration.</source>
        <translation>1 秒あたりの反復回数。「最大」より遅い速度では、各フレームが 1 反復ごとの決定領域・損失・精度を表示するので、渦が形づくられていく様子を観察できます。「最大」ではできるだけ速く学習し、図の更新は間引かれます。1 ステップ (S) は常にちょうど 1 反復だけ進めます。</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline</source>
        <extracomment>The user moved the slider to this iteration. The user asked to see the live run again. the checkpoint shown, None while live</extracomment>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>Back to the run as it is now</source>
        <translation>現在の実行に戻ります</translation>
    </message>
    <message>
        <source>Drag to look back at the regions, loss and accuracy of earlier iterations (training pauses); click the loss curve to jump there</source>
        <translation>ドラッグすると以前の反復の決定領域・損失・精度を振り返れます（学習は一時停止します）。損失曲線をクリックするとその反復に移動します</translation>
    </message>
    <message>
        <source>live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>iteration {0}</source>
        <translation>反復 {0}</translation>
    </message>
</context>
<context>
    <name>UnitHealthView</name>
    <message>
        <source>no hidden layer</source>
        <translation>隠れ層なし</translation>
    </message>
    <message>
        <source>– (ReLU only)</source>
        <translation>–（ReLU のみ）</translation>
    </message>
    <message>
        <source>{dead} of {h} hidden units dead</source>
        <translation>隠れユニット {h} 個のうち {dead} 個が死んでいる</translation>
    </message>
    <message>
        <source>lower step_size</source>
        <translation>step_size を小さくする</translation>
    </message>
    <message>
        <source>press Reset (R)</source>
        <translation>リセット (R) を押す</translation>
    </message>
    <message>
        <source>lower reg</source>
        <translation>reg を小さくする</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&lt;b&gt;All {h} hidden units are dead.&lt;/b&gt; Every training point is on the dead side of every unit&apos;s line z_j = 0, so &lt;code&gt;dhidden[hidden_layer &amp;lt;= 0] = 0&lt;/code&gt; zeroes all of dhidden: W and b receive no gradient and never change again. To recover: {remedy}.</source>
        <translation>&lt;b&gt;{h} 個の隠れユニットがすべて死んでいます。&lt;/b&gt;どの訓練データの点も、すべてのユニットの直線 z_j = 0 の死んだ側にあるので、&lt;code&gt;dhidden[hidden_layer &amp;lt;= 0] = 0&lt;/code&gt; が dhidden をすべて 0 にします。W と b には勾配が届かず、二度と変わりません。回復するには: {remedy}。</translation>
    </message>
    <message>
        <source>hidden_layer is all zeros, so W2 gets no gradient from the data either: only b2 still learns, and every point gets the same scores. A step of step_size {step} pushed the units there.</source>
        <translation>hidden_layer がすべて 0 なので、W2 にもデータからの勾配が届きません。学習するのは b2 だけで、どの点も同じスコアになります。step_size {step} のステップがユニットをそこへ押しやりました。</translation>
    </message>
    <message>
        <source>All hidden units are dead: W and b get no gradient — {remedy}</source>
        <translation>隠れユニットがすべて死んでいます: W と b に勾配が届きません — {remedy}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{dead} of {h} hidden units are dead.&lt;/b&gt; Every training point is on the dead side of their lines, so the mask &lt;code&gt;dhidden[hidden_layer &amp;lt;= 0] = 0&lt;/code&gt; zeroes their whole dhidden column: their W[:, j] and b[j] receive no gradient and never change again. The net has lost most of its hidden layer. To recover: {remedy}.</source>
        <translation>&lt;b&gt;{h} 個の隠れユニットのうち {dead} 個が死んでいます。&lt;/b&gt;どの訓練データの点もそれらの直線の死んだ側にあるので、マスク &lt;code&gt;dhidden[hidden_layer &amp;lt;= 0] = 0&lt;/code&gt; がその dhidden の列をすべて 0 にします。それらの W[:, j] と b[j] には勾配が届かず、二度と変わりません。ネットワークは隠れ層の大部分を失いました。回復するには: {remedy}。</translation>
    </message>
    <message>
        <source>{dead} of {h} hidden units are dead — {remedy}</source>
        <translation>隠れユニット {h} 個のうち {dead} 個が死んでいます — {remedy}</translation>
    </message>
    <message>
        <source>&lt;b&gt;The L2 penalty dominates.&lt;/b&gt; reg = {reg} is so strong that the weights have shrunk to almost nothing: the data loss sits at ln K = ln {k} = {chance} and every class gets probability 1/K = {p} for every point, so the data gradient cannot outweigh the pull towards 0. To recover: {remedy}.</source>
        <translation>&lt;b&gt;L2 ペナルティが支配的です。&lt;/b&gt;reg = {reg} が強すぎて、重みがほとんど 0 まで縮んでいます。データ損失は ln K = ln {k} = {chance} にとどまり、どの点でもすべてのクラスの確率が 1/K = {p} になるので、データの勾配が 0 へ引き戻す力に勝てません。回復するには: {remedy}。</translation>
    </message>
    <message>
        <source>The L2 penalty dominates: loss stuck at ln K — {remedy}</source>
        <translation>L2 ペナルティが支配的です: 損失が ln K で止まっています — {remedy}</translation>
    </message>
    <message>
        <source>A hidden unit is dead when hidden_layer[:, j] is 0 for every training point: every point lies on the dead side of its line z_j = 0, so the mask dhidden[hidden_layer &lt;= 0] = 0 zeroes its whole column, W[:, j] and b[j] get no gradient, and it never learns again.</source>
        <translation>隠れユニットが死んでいるとは、すべての訓練データの点で hidden_layer[:, j] が 0 になっている状態です。どの点もその直線 z_j = 0 の死んだ側にあるので、マスク dhidden[hidden_layer &lt;= 0] = 0 がその列をすべて 0 にし、W[:, j] と b[j] には勾配が届かず、二度と学習しません。</translation>
    </message>
</context>
<context>
    <name>UnitsFeature</name>
    <message>
        <source>The inspector follows the notes&apos; ReLU net; this run&apos;s hidden layer uses {a}.</source>
        <extracomment>A click or hover this close to a training point (in pixels) means that point. A click this close to a drawn unit line (in pixels) selects that unit. Width of the docked inspector when it opens (pixels). The extras&apos; owner name at the runner.</extracomment>
        <translation>点の詳細はノートの ReLU ネットワークに従って説明します。この実行の隠れ層は {a} を使っています。</translation>
    </message>
    <message>
        <source>This point is not in the training data any more.</source>
        <translation>この点はもう訓練データに含まれていません。</translation>
    </message>
    <message>
        <source>point {i}, class {y}
probs = [{probs}]</source>
        <translation>点 {i}、クラス {y}
probs = [{probs}]</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隠れユニット</translation>
    </message>
    <message>
        <source>The softmax model has no hidden layer: scores = X·W + b, so there are no hidden units to draw.</source>
        <translation>ソフトマックスのモデルには隠れ層がありません。scores = X·W + b なので、描く隠れユニットはありません。</translation>
    </message>
    <message>
        <source>Unit lines explain the notes&apos; ReLU hidden layer; this run uses {a}.</source>
        <translation>ユニットの直線はノートの ReLU 隠れ層を説明するものです。この実行は {a} を使っています。</translation>
    </message>
    <message>
        <source>Draw each hidden unit&apos;s line z_j = 0 over the regions, a tick on its active side; colour: the class W2[j] favours; width: |W2[j]|; dashed grey: dead. Click a line to select its unit.</source>
        <translation>各隠れユニットの直線 z_j = 0 を決定領域の上に描き、活性な側に目盛りを付けます。色: W2[j] が推すクラス。太さ: |W2[j]|。灰色の破線: 死んだユニット。直線をクリックするとそのユニットを選択します。</translation>
    </message>
</context>
<context>
    <name>UnitsOverlay</name>
    <message>
        <source>the {shown} strongest of {h} units drawn</source>
        <extracomment>Up to this many lines are anti-aliased: smooth wide lines cost about 5x as much to paint, and among dozens of lines the steps hardly show. How much of the other lines shows while one unit is selected. The active-side tick: its length in pixels.</extracomment>
        <translation>{h} 個のユニットのうち強い順に {shown} 個を描画</translation>
    </message>
    <message>
        <source>{count} of them cross no part of the view</source>
        <translation>そのうち {count} 個は表示範囲を通りません</translation>
    </message>
    <message>
        <source>unit {j}: ○ {receives} points pass gradient, ✕ the mask blocks {blocked}</source>
        <translation>ユニット {j}: ○ {receives} 点が勾配を通し、✕ {blocked} 点はマスクが遮断</translation>
    </message>
</context>
<context>
    <name>UnitsView</name>
    <message>
        <source>unit {j}: favours class {c}; active (hidden_layer &gt; 0) for {active} of {n} training points; contribution {contribution}</source>
        <extracomment>thumbnail side in pixels Activation ramp, from 0 (white) to the unit&apos;s largest value in view (dark blue).</extracomment>
        <translation>ユニット {j}: クラス {c} を推す。訓練データの {n} 点のうち {active} 点で活性（hidden_layer &gt; 0）。寄与 {contribution}</translation>
    </message>
    <message>
        <source> — dead: no training point is on its active side</source>
        <translation> — 死んでいる: 活性な側に訓練データの点が 1 つもない</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死</translation>
    </message>
    <message>
        <source>The softmax model has no hidden layer: no units to show.</source>
        <translation>ソフトマックスのモデルには隠れ層がないので、表示するユニットはありません。</translation>
    </message>
    <message>
        <source>The {shown} strongest of {h} units</source>
        <translation>{h} 個のユニットのうち強い順に {shown} 個</translation>
    </message>
    <message>
        <source>All {h} units, strongest first</source>
        <translation>{h} 個すべてのユニット（強い順）</translation>
    </message>
    <message>
        <source> · {dead} dead</source>
        <translation> · 死んだユニット {dead} 個</translation>
    </message>
    <message>
        <source>Sorted by how much each unit pushes the scores (mean hidden_layer[:, j] × |W2[j]|). Each square is the unit&apos;s output max(0, z_j) over the plane: white where it is 0, dark where it is largest. The bar beside it has the colour of the class W2[j] favours.</source>
        <translation>各ユニットがスコアを押し上げる大きさ（hidden_layer[:, j] の平均 × |W2[j]|）の順に並べています。各正方形は平面上でのユニットの出力 max(0, z_j) で、0 のところは白、最大のところは濃く表示します。横の帯の色は W2[j] が推すクラスの色です。</translation>
    </message>
    <message>
        <source>Click a thumbnail, or a unit&apos;s line on the plot, to select that unit.</source>
        <translation>サムネイルか、グラフ上のユニットの直線をクリックすると、そのユニットを選択します。</translation>
    </message>
    <message>
        <source>Unit {j}: computing…</source>
        <translation>ユニット {j}: 計算中…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unit {j}&lt;/b&gt; · favours class {c}</source>
        <translation>&lt;b&gt;ユニット {j}&lt;/b&gt; · クラス {c} を推す</translation>
    </message>
    <message>
        <source> · &lt;b style=&apos;color:#c8141e&apos;&gt;dead&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:#c8141e&apos;&gt;死んでいる&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#00783c&apos;&gt;○ {r} points&lt;/span&gt; pass gradient to W[:, {j}], b[{j}]</source>
        <translation>&lt;span style=&apos;color:#00783c&apos;&gt;○ {r} 点&lt;/span&gt;が W[:, {j}]、b[{j}] に勾配を通す</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c8141e&apos;&gt;✕ {b} points&lt;/span&gt; blocked: dhidden[i, {j}] = 0</source>
        <translation>&lt;span style=&apos;color:#c8141e&apos;&gt;✕ {b} 点&lt;/span&gt;は遮断: dhidden[i, {j}] = 0</translation>
    </message>
    <message>
        <source>next step (dashed): dW[:, {j}] = {dw}, db[{j}] = {db}</source>
        <translation>次のステップ（破線）: dW[:, {j}] = {dw}、db[{j}] = {db}</translation>
    </message>
    <message>
        <source>○ points have hidden_layer[i, {j}] &gt; 0: their gradient flows into W[:, {j}] and b[{j}] and moves the line z_{j} = 0. ✕ points are on its dead side: the mask dhidden[hidden_layer &lt;= 0] = 0 zeroes their dhidden[i, {j}], so they cannot move it. The dashed line is where z_{j} = 0 will be after W[:, {j}] −= step_size·dW[:, {j}], b[{j}] −= step_size·db[{j}] (plain gradient descent, L2 term included). A dead unit&apos;s whole dhidden column is 0: only the L2 term still changes its W[:, {j}].</source>
        <translation>○ の点では hidden_layer[i, {j}] &gt; 0 なので、その勾配は W[:, {j}] と b[{j}] に流れ込み、直線 z_{j} = 0 を動かします。✕ の点は死んだ側にあり、マスク dhidden[hidden_layer &lt;= 0] = 0 がその dhidden[i, {j}] を 0 にするので、直線を動かせません。破線は W[:, {j}] −= step_size·dW[:, {j}]、b[{j}] −= step_size·db[{j}]（素朴な勾配降下法、L2 の項を含む）のあとに z_{j} = 0 が来る位置です。死んだユニットでは dhidden の列全体が 0 なので、その W[:, {j}] を変えるのは L2 の項だけです。</translation>
    </message>
</context>
<context>
    <name>WatchFeatures</name>
    <message>
        <source>Log-scale iteration axis</source>
        <translation>反復軸を対数表示</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>表示をリセット</translation>
    </message>
    <message>
        <source>Undo any zoom: the plots show the whole run again (A)</source>
        <translation>拡大・縮小を元に戻し、グラフに実行全体を再び表示します（A）</translation>
    </message>
    <message>
        <source>Export animation…</source>
        <translation>アニメーションを書き出す…</translation>
    </message>
    <message>
        <source>looking back at iteration {0} (training paused): Live returns to iteration {1}</source>
        <translation>反復 {0} を振り返り中（学習は一時停止）: ライブで反復 {1} に戻ります</translation>
    </message>
    <message>
        <source>Nothing to animate yet: train for a few iterations first</source>
        <translation>アニメーションにするものがまだありません。先に何反復か学習してください</translation>
    </message>
    <message>
        <source>Rendering the animation…</source>
        <translation>アニメーションを描画しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>アニメーションを書き出す</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>ファイルを書き込んでいます…</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source>Export cancelled: no file written</source>
        <translation>書き出しを取り消しました: ファイルは書き込んでいません</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>書き出しに失敗しました: {0}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>Could not export to {0}:
{1}</source>
        <translation>{0} に書き出せませんでした:
{1}</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>アニメーション GIF (*.gif)</translation>
    </message>
    <message>
        <source>Animated WebP (*.webp)</source>
        <translation>アニメーション WebP (*.webp)</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>Softmax (linear)</source>
        <translation>ソフトマックス（線形）</translation>
    </message>
    <message>
        <source>Two-layer ReLU net</source>
        <translation>2層 ReLU ネット</translation>
    </message>
    <message>
        <source>Gradient descent (the notes)</source>
        <translation>勾配降下法（ノートどおり）</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>モーメンタム</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov モーメンタム</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>ReLU (the notes)</source>
        <translation>ReLU（ノートどおり）</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>シグモイド</translation>
    </message>
    <message>
        <source>0.01 · randn (the notes)</source>
        <extracomment>The activations as a name inside a sentence (&quot;a two-layer tanh net&quot;). Slope of the leaky ReLU for negative inputs: max(z, LEAKY_SLOPE * z). FIELD_HELP[&quot;activation&quot;] writes it out (translatable text is literal); a test holds the two equal.</extracomment>
        <translation>0.01 · randn（ノートどおり）</translation>
    </message>
    <message>
        <source>He: randn · sqrt(2 / fan_in)</source>
        <translation>He: randn · sqrt(2 / fan_in)</translation>
    </message>
    <message>
        <source>Xavier: randn · sqrt(1 / fan_in)</source>
        <translation>Xavier: randn · sqrt(1 / fan_in)</translation>
    </message>
    <message>
        <source>float64 (exact)</source>
        <translation>float64（厳密）</translation>
    </message>
    <message>
        <source>float32 (fast)</source>
        <translation>float32（高速）</translation>
    </message>
    <message>
        <source>Spiral</source>
        <extracomment>The choices of every field that takes one of a few names. Input dimension of the spiral data; fixed by the case study. The data sets: the notes&apos; spiral first (the default), then other shapes, then points the user drew or imported (&quot;custom&quot;, whose points come with the experiment rather than from the seed).</extracomment>
        <translation>スパイラル</translation>
    </message>
    <message>
        <source>Rings</source>
        <translation>同心円</translation>
    </message>
    <message>
        <source>XOR quadrants</source>
        <translation>XOR（象限）</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>ガウス分布の塊</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>2 つの三日月</translation>
    </message>
    <message>
        <source>Custom (drawn or imported)</source>
        <translation>カスタム（描画またはインポート）</translation>
    </message>
    <message>
        <source>Model</source>
        <extracomment>Data sets whose shape fixes the number of classes K. Full-batch working set the engine agrees to allocate (bytes). Above it a configuration is refused with the figure it would need, rather than letting the machine swap. Inclusive numeric ranges of every bounded field: (low, high). Short names of the fields, in the case study&apos;s terms (the window&apos;s labels).</extracomment>
        <translation>モデル</translation>
    </message>
    <message>
        <source>N (points per class)</source>
        <translation>N（クラスごとの点の数）</translation>
    </message>
    <message>
        <source>K (classes)</source>
        <translation>K（クラス数）</translation>
    </message>
    <message>
        <source>Hidden size h</source>
        <translation>隠れ層のサイズ h</translation>
    </message>
    <message>
        <source>step_size</source>
        <translation>step_size（学習率）</translation>
    </message>
    <message>
        <source>reg</source>
        <translation>reg（正則化）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Theta noise</source>
        <translation>θ のノイズ</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>反復回数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>モーメンタム μ</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>RMSprop decay</source>
        <translation>RMSprop の減衰率</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初期化</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>数値精度</translation>
    </message>
    <message>
        <source>Skip the ReLU backward mask</source>
        <translation>ReLU 逆伝播のマスクを省く</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Held-out fraction</source>
        <translation>テスト用に取り分ける割合</translation>
    </message>
    <message>
        <source>&apos;linear&apos;: softmax classifier, scores = X·W + b (the notes reach 49%); &apos;nn&apos;: two-layer net, hidden = max(0, X·W + b), scores = hidden·W2 + b2 (98%)</source>
        <extracomment>What each field means, in the case study&apos;s terms: the CLI&apos;s --help and the window&apos;s tooltips.</extracomment>
        <translation>&apos;linear&apos;: ソフトマックス分類器、scores = X·W + b（ノートでは 49%）。&apos;nn&apos;: 2層ネットワーク、hidden = max(0, X·W + b)、scores = hidden·W2 + b2（98%）</translation>
    </message>
    <message>
        <source>N, points per class: each class is one spiral arm of N points, radius 0 to 1</source>
        <translation>N、クラスごとの点の数: 各クラスは N 個の点からなる渦の腕 1 本で、半径は 0 から 1</translation>
    </message>
    <message>
        <source>K, the number of classes, i.e. spiral arms (3 in the notes); each arm spans 4 radians</source>
        <translation>K、クラスの数、つまり渦の腕の本数（ノートでは 3）。各腕は 4 ラジアンにわたる</translation>
    </message>
    <message>
        <source>h, the size of the ReLU hidden layer of the two-layer net (100 in the notes)</source>
        <translation>h、2層ネットワークの ReLU 隠れ層のサイズ（ノートでは 100）</translation>
    </message>
    <message>
        <source>step_size, the gradient-descent learning rate: W += -step_size * dW (1.0 in the notes; too large and the loss explodes)</source>
        <translation>step_size、勾配降下法の学習率: W += -step_size * dW（ノートでは 1.0。大きすぎると損失が発散する）</translation>
    </message>
    <message>
        <source>reg, the L2 regularisation strength: the loss adds 0.5*reg*sum(W*W) (1e-3 in the notes)</source>
        <translation>reg、L2 正則化の強さ: 損失に 0.5*reg*sum(W*W) を加える（ノートでは 1e-3）</translation>
    </message>
    <message>
        <source>seed of the one random stream that draws the data, then the weights (0 in the notes)</source>
        <translation>データを、続いて重みを生成するただ一つの乱数列のシード（ノートでは 0）</translation>
    </message>
    <message>
        <source>theta noise: each point&apos;s angle gets randn * noise added (0.2 in the notes); on the other data sets it blurs the points as much</source>
        <translation>θ のノイズ: 各点の角度に randn * noise を加える（ノートでは 0.2）。ほかのデータセットでも同じ程度に点をぼかす</translation>
    </message>
    <message>
        <source>iteration budget: gradient-descent iterations to run (10,000 for the net in the notes, 200 for the softmax)</source>
        <translation>反復回数の上限: 実行する勾配降下の反復の回数（ノートではネットワークが 10,000、ソフトマックスが 200）</translation>
    </message>
    <message>
        <source>examples per gradient step: 0 uses every example each iteration (full batch, the notes); B &gt; 0 takes the next B of a shuffled order that is reshuffled every epoch (pass over the data), from its own stream seeded by the seed. Each iteration then records that batch&apos;s loss, and the full training loss is recorded once per epoch (at least every 100 iterations). B at or above the number of examples is full batch</source>
        <translation>勾配の 1 ステップで使う例の数: 0 なら毎反復すべての例を使う（フルバッチ、ノートどおり）。B &gt; 0 ならシャッフルした順序から次の B 個を取り、その順序はエポック（データ全体を一巡すること）ごとにシャッフルし直す。この順序にはシードで初期化した専用の乱数列を使う。このとき各反復ではそのバッチの損失を記録し、訓練データ全体の損失はエポックごとに 1 回（少なくとも 100 反復ごとに）記録する。B が例の総数以上ならフルバッチになる</translation>
    </message>
    <message>
        <source>how the gradient becomes an update: &apos;sgd&apos; W += -step_size*dW (the notes); &apos;momentum&apos; v = mu*v - step_size*dW, W += v; &apos;nesterov&apos; the same with the look-ahead W += -mu*v_prev + (1 + mu)*v; &apos;rmsprop&apos; cache = decay_rate*cache + (1 - decay_rate)*dW**2, W += -step_size*dW / (sqrt(cache) + eps); &apos;adam&apos; m and v averages of dW and dW**2 with beta1, beta2, bias-corrected, W += -step_size*m / (sqrt(v) + eps). Adam and RMSprop want a much smaller step size than the notes&apos; 1.0 (1e-2 to 1e-3)</source>
        <translation>勾配から更新量を作る方法: &apos;sgd&apos; W += -step_size*dW（ノートどおり）。&apos;momentum&apos; v = mu*v - step_size*dW, W += v。&apos;nesterov&apos; 同じ更新を先読みつきで W += -mu*v_prev + (1 + mu)*v。&apos;rmsprop&apos; cache = decay_rate*cache + (1 - decay_rate)*dW**2, W += -step_size*dW / (sqrt(cache) + eps)。&apos;adam&apos; dW と dW**2 の移動平均 m と v を beta1、beta2 で求めてバイアス補正し、W += -step_size*m / (sqrt(v) + eps)。Adam と RMSprop には、ノートの 1.0 よりずっと小さい step_size（1e-2 から 1e-3）が向いている</translation>
    </message>
    <message>
        <source>mu, the momentum and Nesterov optimizers&apos; friction: the share of the last update kept in the next</source>
        <translation>mu、モーメンタム法と Nesterov 法の摩擦: 前回の更新量のうち次の更新に残す割合</translation>
    </message>
    <message>
        <source>Adam&apos;s beta1: decay of its running mean of the gradient</source>
        <translation>Adam の beta1: 勾配の移動平均の減衰率</translation>
    </message>
    <message>
        <source>Adam&apos;s beta2: decay of its running mean of the squared gradient</source>
        <translation>Adam の beta2: 勾配の 2 乗の移動平均の減衰率</translation>
    </message>
    <message>
        <source>RMSprop&apos;s decay rate: decay of its running mean of the squared gradient</source>
        <translation>RMSprop の減衰率: 勾配の 2 乗の移動平均の減衰率</translation>
    </message>
    <message>
        <source>epsilon: keeps RMSprop&apos;s and Adam&apos;s division finite where the squared-gradient average is 0</source>
        <translation>epsilon: 勾配の 2 乗の平均が 0 のところでも、RMSprop と Adam の割り算が有限になるようにする</translation>
    </message>
    <message>
        <source>the hidden layer&apos;s non-linearity: &apos;relu&apos; max(0, z) (the notes), &apos;leaky_relu&apos; max(0.01*z, z), &apos;tanh&apos;, &apos;sigmoid&apos; 1/(1 + exp(-z)). Its backward step: ReLU passes the gradient only where the unit is active (the mask), leaky ReLU multiplies by 1 or 0.01, tanh by 1 - hidden_layer**2, sigmoid by hidden_layer*(1 - hidden_layer)</source>
        <translation>隠れ層の非線形関数: &apos;relu&apos; max(0, z)（ノートどおり）、&apos;leaky_relu&apos; max(0.01*z, z)、&apos;tanh&apos;、&apos;sigmoid&apos; 1/(1 + exp(-z))。逆伝播では、ReLU はユニットが活性なところ（マスク）だけ勾配を通し、Leaky ReLU は 1 か 0.01 を、tanh は 1 - hidden_layer**2 を、sigmoid は hidden_layer*(1 - hidden_layer) を掛ける</translation>
    </message>
    <message>
        <source>initial weights from the same random draws, scaled: &apos;notes&apos; 0.01*randn (the notes), &apos;he&apos; randn*sqrt(2/fan_in), &apos;xavier&apos; randn*sqrt(1/fan_in); biases start at 0</source>
        <translation>重みの初期値は同じ乱数から作り、スケールだけを変える: &apos;notes&apos; 0.01*randn（ノートどおり）、&apos;he&apos; randn*sqrt(2/fan_in)、&apos;xavier&apos; randn*sqrt(1/fan_in)。バイアスは 0 から始める</translation>
    </message>
    <message>
        <source>floating-point precision of training: &apos;float64&apos; reproduces the notes exactly; &apos;float32&apos; is faster and reaches the same accuracy, with losses that differ slightly</source>
        <translation>学習に使う浮動小数点の精度: &apos;float64&apos; はノートを厳密に再現する。&apos;float32&apos; はより速く、同じ訓練精度に達するが、損失の値はわずかに異なる</translation>
    </message>
    <message>
        <source>an experiment: leave out the ReLU backward line dhidden[hidden_layer &lt;= 0] = 0, so the gradient also flows back through inactive units (leaky ReLU: the slope factor is left out). The gradient is then wrong: the gradient check fails and training suffers. No effect with tanh or sigmoid. Off in the notes</source>
        <translation>実験: ReLU の逆伝播の行 dhidden[hidden_layer &lt;= 0] = 0 を省き、活性でないユニットにも勾配を逆向きに流す（Leaky ReLU では傾きの係数を省く）。このとき勾配は正しくないので、勾配チェックは失敗し、学習もうまくいかなくなる。tanh と sigmoid では効果がない。ノートではオフ</translation>
    </message>
    <message>
        <source>the data: &apos;spiral&apos; (the notes&apos; K arms), &apos;rings&apos; (K concentric rings), &apos;xor&apos; (opposite quadrants, 2 classes), &apos;blobs&apos; (K Gaussian blobs), &apos;moons&apos; (two interleaved half circles, 2 classes), or &apos;custom&apos; (points drawn or imported); each draws N points per class from the seed, and the noise blurs it</source>
        <translation>データ: &apos;spiral&apos;（ノートの K 本の渦の腕）、&apos;rings&apos;（K 個の同心円）、&apos;xor&apos;（向かい合う象限、2 クラス）、&apos;blobs&apos;（K 個のガウス分布の塊）、&apos;moons&apos;（互いにかみ合う 2 つの半円、2 クラス）、&apos;custom&apos;（描画またはインポートした点）。どれもシードからクラスごとに N 個の点を生成し、ノイズが点をぼかす</translation>
    </message>
    <message>
        <source>share of each class held out of training to measure test accuracy and test loss on points the net never saw (0 in the notes: train on everything)</source>
        <translation>各クラスのうち訓練に使わずに取り分ける割合。ネットワークが一度も見ていない点でテスト精度とテスト損失を測る（ノートでは 0: すべての点で訓練する）</translation>
    </message>
    <message>
        <source>{0}.</source>
        <extracomment>The titles of each choice field&apos;s values, by field.</extracomment>
        <translation>{0}。</translation>
    </message>
    <message>
        <source>Two-layer {activation} net</source>
        <translation>2層 {activation} ネット</translation>
    </message>
</context>
<context>
    <name>csv</name>
    <message>
        <source>the file holds no points</source>
        <extracomment>Bad rows named in a refusal&apos;s message.</extracomment>
        <translation>ファイルに点がありません</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>{line} 行目: {reason}</translation>
    </message>
    <message>
        <source>{name} is not a number ({text!r})</source>
        <translation>{name} が数値ではありません（{text!r}）</translation>
    </message>
    <message>
        <source>{name} is not a finite number ({text!r})</source>
        <translation>{name} が有限の数値ではありません（{text!r}）</translation>
    </message>
    <message>
        <source>{name} = {value:g} is outside ±{limit:g}</source>
        <translation>{name} = {value:g} が ±{limit:g} の範囲外です</translation>
    </message>
    <message>
        <source>label is not a whole number ({text!r})</source>
        <translation>label が整数ではありません（{text!r}）</translation>
    </message>
    <message>
        <source>label {value:g} is not a class from 0 to {top}</source>
        <translation>label {value:g} は 0 から {top} までのクラスではありません</translation>
    </message>
    <message>
        <source>the header names no {names} column (it needs x1, x2, label)</source>
        <translation>見出し行に {names} 列がありません（x1、x2、label の列が必要です）</translation>
    </message>
    <message>
        <source>expected {need} values, got {got}</source>
        <translation>値が {need} 個必要ですが、{got} 個しかありません</translation>
    </message>
    <message>
        <source>split must be &apos;train&apos; or &apos;test&apos;, got {word!r}</source>
        <translation>split は train か test でなければなりません（入力値: {word!r}）</translation>
    </message>
    <message>
        <source>the file holds more than {count:,} points, the most allowed</source>
        <translation>ファイルの点が上限の {count:,} 個を超えています</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>ファイルが UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <source>the file is not valid CSV ({reason})</source>
        <translation>ファイルが正しい CSV ではありません（{reason}）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>／</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation>（ほか {count} 行）</translation>
    </message>
    <message>
        <source>1 bad row, nothing imported: {shown}{more}</source>
        <translation>不正な行が 1 行あるため、何もインポートしませんでした: {shown}{more}</translation>
    </message>
    <message>
        <source>{count} bad rows, nothing imported: {shown}{more}</source>
        <translation>不正な行が {count} 行あるため、何もインポートしませんでした: {shown}{more}</translation>
    </message>
</context>
<context>
    <name>duration</name>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} 分 {1} 秒</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 時間 {1} 分</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} 日 {1} 時間</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>too many files named like {0}</source>
        <extracomment>The longest side of an exported PNG, in pixels: a huge window exports at most this size (a 10000-pixel window at twice its resolution would take seconds and gigabytes). PNG pixels per on-screen device pixel. Extensions of other picture and document formats: such a name gets .png instead of them. The name was changed (an extension added or replaced, a default name in a folder). A file already at the changed name was kept: `path` is a new, numbered name.</extracomment>
        <translation>{0} に似た名前のファイルが多すぎます</translation>
    </message>
    <message>
        <source>the picture could not be drawn ({0} × {1} pixels)</source>
        <translation>画像を描画できませんでした（{0} × {1} ピクセル）</translation>
    </message>
    <message>
        <source>the picture could not be encoded as PNG</source>
        <translation>画像を PNG に変換できませんでした</translation>
    </message>
    <message>
        <source>the drawing could not be started</source>
        <translation>描画を開始できませんでした</translation>
    </message>
    <message>
        <source>the drawing could not be completed</source>
        <translation>描画を完了できませんでした</translation>
    </message>
    <message>
        <source>the folder {0} does not exist</source>
        <translation>フォルダ {0} は存在しません</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>ファイルは読み取り専用です</translation>
    </message>
    <message>
        <source>the folder {0} cannot be written</source>
        <translation>フォルダ {0} に書き込めません</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source> ({0} × {1} pixels</source>
        <translation>（{0} × {1} ピクセル</translation>
    </message>
    <message>
        <source>, reduced to {0} pixels on the long side</source>
        <translation>、長辺を {0} ピクセルに縮小</translation>
    </message>
    <message>
        <source>; {0} already exists and was kept</source>
        <translation>。{0} はすでに存在するので残しました</translation>
    </message>
    <message>
        <source>Could not export to {0}: {1}</source>
        <translation>{0} に書き出せませんでした: {1}</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>グラフを書き出す</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 図 (*.svg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>ready: press Start (Space) or Step (S)</source>
        <extracomment>Above this, the status bar says how often the decision regions are refreshed.</extracomment>
        <translation>準備完了: 開始 (Space) か 1 ステップ (S) を押してください</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>学習中…</translation>
    </message>
    <message>
        <source> (decision regions refresh every {seconds} s at this size)</source>
        <translation>（このサイズでは決定領域を {seconds} 秒ごとに更新します）</translation>
    </message>
    <message>
        <source>training diverged</source>
        <translation>学習が発散しました</translation>
    </message>
    <message>
        <source> — then press Reset (R)</source>
        <translation> — そのあとリセット (R) を押してください</translation>
    </message>
    <message>
        <source>finished: {iterations} iterations, loss {loss}, training accuracy {accuracy}</source>
        <translation>完了: {iterations} 反復、損失 {loss}、訓練精度 {accuracy}</translation>
    </message>
    <message>
        <source>stepped to iteration {iteration}</source>
        <translation>反復 {iteration} まで進めました</translation>
    </message>
    <message>
        <source>budget raised: press Start to go on</source>
        <translation>反復回数の上限を増やしました: 続けるには開始を押してください</translation>
    </message>
    <message>
        <source>paused at iteration {iteration}</source>
        <translation>反復 {iteration} で一時停止中</translation>
    </message>
    <message>
        <source>reset: weights re-drawn from the seed</source>
        <translation>リセット: シードから重みを引き直しました</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>不明なエラー</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>cannot open {name}: {reason}</source>
        <extracomment>Largest session file accepted on disk, and largest total it may unpack to.</extracomment>
        <translation>{name} を開けません: {reason}</translation>
    </message>
    <message>
        <source>the session is inconsistent: {reason}</source>
        <translation>セッションの内容に矛盾があります: {reason}</translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation>ファイルではありません</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>そのファイルは存在しません</translation>
    </message>
    <message>
        <source>it cannot be read ({reason})</source>
        <translation>読み込めません（{reason}）</translation>
    </message>
    <message>
        <source>it is {size}, over the {limit} a session may be</source>
        <translation>サイズが {size} あり、セッションの上限の {limit} を超えています</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>a JSON file</source>
        <translation>JSON ファイルです</translation>
    </message>
    <message>
        <source>not a zip archive</source>
        <translation>zip アーカイブではありません</translation>
    </message>
    <message>
        <source>it is not a Spiral GUI session ({what})</source>
        <translation>Spiral GUI のセッションではありません（{what}）</translation>
    </message>
    <message>
        <source>the file is damaged (a checksum does not match)</source>
        <translation>ファイルが壊れています（チェックサムが一致しません）</translation>
    </message>
    <message>
        <source>the file is truncated or damaged: its zip directory cannot be read</source>
        <translation>ファイルが途中で切れているか壊れています: zip のディレクトリを読めません</translation>
    </message>
    <message>
        <source>the file is damaged: its contents cannot be unpacked</source>
        <translation>ファイルが壊れています: 中身を展開できません</translation>
    </message>
    <message>
        <source>it is not a Spiral GUI session (a zip archive without {member})</source>
        <translation>Spiral GUI のセッションではありません（{member} を含まない zip アーカイブです）</translation>
    </message>
    <message>
        <source>the file is damaged: a member appears twice in its zip directory</source>
        <translation>ファイルが壊れています: zip のディレクトリに同じメンバーが 2 回現れます</translation>
    </message>
    <message>
        <source>it would unpack to {size}, over the {limit} limit (refusing to unpack it)</source>
        <translation>展開すると {size} になり、上限の {limit} を超えます（展開しません）</translation>
    </message>
    <message>
        <source>its {member} is {size}, too large for a session document</source>
        <translation>{member} が {size} あり、セッションの文書としては大きすぎます</translation>
    </message>
    <message>
        <source>the file is damaged: {member} is missing</source>
        <translation>ファイルが壊れています: {member} がありません</translation>
    </message>
    <message>
        <source>the file is damaged: {member} is not the size its directory says</source>
        <translation>ファイルが壊れています: {member} のサイズがディレクトリの記載と異なります</translation>
    </message>
    <message>
        <source>the file is damaged: {member} is not valid JSON</source>
        <translation>ファイルが壊れています: {member} が正しい JSON ではありません</translation>
    </message>
    <message>
        <source>it is not a Spiral GUI session (its document is of another format)</source>
        <translation>Spiral GUI のセッションではありません（文書が別の形式です）</translation>
    </message>
    <message>
        <source>the file is damaged: its format version is {version!r}</source>
        <translation>ファイルが壊れています: 形式のバージョンが {version!r} です</translation>
    </message>
    <message>
        <source>it was saved by a newer Spiral GUI (session format {version}; this version reads up to {supported})</source>
        <translation>新しい Spiral GUI で保存されたファイルです（セッション形式 {version}。このバージョンが読めるのは形式 {supported} までです）</translation>
    </message>
    <message>
        <source>the file is damaged: {member} is not a NumPy archive</source>
        <translation>ファイルが壊れています: {member} が NumPy のアーカイブではありません</translation>
    </message>
    <message>
        <source>its {member} would unpack to more than {limit}</source>
        <translation>{member} を展開すると {limit} を超えます</translation>
    </message>
    <message>
        <source>the file is damaged: {member} holds {name!r}, not an array</source>
        <translation>ファイルが壊れています: {member} に配列ではない {name!r} が含まれています</translation>
    </message>
    <message>
        <source>the file is damaged: array {name} is shorter than its header says</source>
        <translation>ファイルが壊れています: 配列 {name} がヘッダーの記載より短くなっています</translation>
    </message>
    <message>
        <source>the file is damaged: {member} cannot be read</source>
        <translation>ファイルが壊れています: {member} を読めません</translation>
    </message>
    <message>
        <source>the file is damaged: array {name} has an unknown layout</source>
        <translation>ファイルが壊れています: 配列 {name} のレイアウトが不明です</translation>
    </message>
    <message>
        <source>it holds a pickled Python object ({name}); sessions hold plain numbers only</source>
        <translation>pickle された Python オブジェクト（{name}）が含まれています。セッションに入れられるのは数値だけです</translation>
    </message>
    <message>
        <source>array {name} is of type {dtype}, not plain numbers</source>
        <translation>配列 {name} の型は {dtype} で、単純な数値ではありません</translation>
    </message>
    <message>
        <source>the file is damaged: {member} has no list of arrays</source>
        <translation>ファイルが壊れています: {member} に配列の一覧がありません</translation>
    </message>
    <message>
        <source>the file is damaged: its arrays do not match its document ({names})</source>
        <translation>ファイルが壊れています: 配列が文書の記載と一致しません（{names}）</translation>
    </message>
    <message>
        <source>the file is damaged: array {name} is not what its document says</source>
        <translation>ファイルが壊れています: 配列 {name} が文書の記載と異なります</translation>
    </message>
    <message>
        <source>it has no configuration</source>
        <translation>設定がありません</translation>
    </message>
    <message>
        <source>its configuration has settings this version does not know ({names}): it was probably saved by a newer Spiral GUI</source>
        <translation>このバージョンの知らない設定項目があります（{names}）。新しい Spiral GUI で保存されたものと思われます</translation>
    </message>
    <message>
        <source>its configuration is refused: {reason}</source>
        <translation>設定を受け付けられません: {reason}</translation>
    </message>
    <message>
        <source>the parameters must be {names}, got {got}</source>
        <extracomment>The refusals of `_params`, for the weights now and for the initial weights.</extracomment>
        <translation>重みは {names} でなければなりません（実際は {got}）</translation>
    </message>
    <message>
        <source>parameter {name} must be {shape} numbers, got {dtype} {got}</source>
        <translation>重み {name} は {shape} の数値でなければなりません（実際は {dtype} {got}）</translation>
    </message>
    <message>
        <source>parameter {name} holds values that are not finite numbers (NaN or infinity)</source>
        <translation>重み {name} に有限でない値（NaN または無限大）が含まれています</translation>
    </message>
    <message>
        <source>the initial parameters must be {names}, got {got}</source>
        <translation>初期の重みは {names} でなければなりません（実際は {got}）</translation>
    </message>
    <message>
        <source>initial parameter {name} must be {shape} numbers, got {dtype} {got}</source>
        <translation>初期の重み {name} は {shape} の数値でなければなりません（実際は {dtype} {got}）</translation>
    </message>
    <message>
        <source>initial parameter {name} holds values that are not finite numbers (NaN or infinity)</source>
        <translation>初期の重み {name} に有限でない値（NaN または無限大）が含まれています</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>its iteration is {value!r}</source>
        <translation>反復回数が {value!r} になっています</translation>
    </message>
    <message>
        <source>its status is missing or unknown</source>
        <translation>状態がないか、不明な状態です</translation>
    </message>
    <message>
        <source>its status reason is not text</source>
        <translation>状態の理由がテキストではありません</translation>
    </message>
    <message>
        <source>its window information is not a JSON object</source>
        <translation>ウィンドウの情報が JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>array {name} is missing</source>
        <translation>配列 {name} がありません</translation>
    </message>
    <message>
        <source>the points must be float64 and the labels uint8, got {x} and {y}</source>
        <translation>点は float64、ラベルは uint8 でなければなりません（実際は {x} と {y}）</translation>
    </message>
    <message>
        <source>the held-out mask must be {count:,} booleans, got {dtype} {shape}</source>
        <translation>取り分けた点のマスクは {count:,} 個の真偽値でなければなりません（実際は {dtype} {shape}）</translation>
    </message>
    <message>
        <source>the {dataset} data has {points:,} points, not N × K = {expected:,}</source>
        <translation>{dataset} データの点が {points:,} 個あり、N × K = {expected:,} と一致しません</translation>
    </message>
    <message>
        <source>history/{name} must hold {count:,} float64 losses, got {got}</source>
        <translation>history/{name} には float64 の損失が {count:,} 個必要です（実際は {got}）</translation>
    </message>
    <message>
        <source>history/{name} holds values that are not finite numbers</source>
        <translation>history/{name} に有限でない値が含まれています</translation>
    </message>
    <message>
        <source>the metrics must be {names}</source>
        <translation>指標は {names} でなければなりません</translation>
    </message>
    <message>
        <source>the metrics arrays differ in length or type</source>
        <translation>指標の配列の長さか型がそろっていません</translation>
    </message>
    <message>
        <source>the checkpoints have no iteration list</source>
        <translation>チェックポイントに反復の一覧がありません</translation>
    </message>
    <message>
        <source>the checkpoints&apos; iterations are out of order or beyond the session&apos;s</source>
        <translation>チェックポイントの反復が順番どおりでないか、セッションの反復を超えています</translation>
    </message>
    <message>
        <source>checkpoint array {name} does not fit the model</source>
        <translation>チェックポイントの配列 {name} がモデルに合いません</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>settings file {0} is unreadable; using the defaults</source>
        <extracomment>Every key the app writes. Keys in the file outside this set are removed when it is saved. Sessions listed under File › Open recent, at most. A string value longer than this under a known key is junk, whatever the key (removed on save).</extracomment>
        <translation>設定ファイル {0} を読めないため、既定値を使います</translation>
    </message>
    <message>
        <source>saved settings were invalid ({0}); using the defaults</source>
        <translation>保存された設定が無効だったため（{0}）、既定値を使います</translation>
    </message>
</context>
</TS>
