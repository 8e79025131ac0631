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
    <name>DecisionView</name>
    <message>
        <source>Decision regions and training points</source>
        <translation>決定領域と訓練データの点</translation>
    </message>
    <message>
        <source>showing {shown} of {total} points (every {stride}th)</source>
        <translation>{total} 点のうち {shown} 点を表示（{stride} 点ごとに 1 点）</translation>
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
        <source>total loss</source>
        <translation>全体の損失</translation>
    </message>
    <message>
        <source>data loss</source>
        <translation>データ損失</translation>
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
        <extracomment>Emitted on the GUI thread after every view has drawn a snapshot (tests wait on this). Every view, drawn in this order from each snapshot of the current run.</extracomment>
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
        <source>Export plot</source>
        <translation>グラフを書き出す</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 図 (*.svg)</translation>
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
        <source>Exported {0}</source>
        <translation>{0} に書き出しました</translation>
    </message>
    <message>
        <source>Spiral GUI — watch a neural network learn</source>
        <translation>Spiral GUI — ニューラルネットワークが学習する様子を見る</translation>
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
        <translation>損失の軸を対数目盛にする</translation>
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
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Spiral GUI</source>
        <translation>Spiral GUI について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ModelTextView</name>
    <message>
        <source>Softmax linear classifier</source>
        <translation>ソフトマックス線形分類器</translation>
    </message>
    <message>
        <source>One straight boundary per pair of classes: it cannot follow the arms.</source>
        <translation>境界はクラスの組ごとに直線 1 本なので、渦の腕に沿って曲がることはできません。</translation>
    </message>
    <message>
        <source>Two-layer net</source>
        <translation>2層ニューラルネットワーク</translation>
    </message>
    <message>
        <source>ReLU backward:</source>
        <translation>ReLU の逆伝播:</translation>
    </message>
    <message>
        <source>Now &lt;b&gt;{pct}&lt;/b&gt; of the {count} hidden values are &amp;gt; 0: gradient flows back through those only. For the rest, max(0, z) is flat, its slope is 0, so they pass none.</source>
        <translation>現在、隠れ層の {count} 個の値のうち &lt;b&gt;{pct}&lt;/b&gt; が &amp;gt; 0 です。勾配はそこだけを通って逆向きに流れます。残りの値では max(0, z) が平らで傾きが 0 なので、勾配はまったく流れません。</translation>
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
        <extracomment>Each field&apos;s label, by field name. What the message under the controls says, re-worded on a language change.</extracomment>
        <translation>{0} は有限の数値でなければなりません</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>適用しませんでした: {0}</translation>
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
        <source>Speed</source>
        <translation>速度</translation>
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
        <extracomment>Slope of the leaky ReLU for negative inputs: max(z, LEAKY_SLOPE * z). FIELD_HELP[&quot;activation&quot;] writes it out (translatable text is literal); a test holds the two equal.</extracomment>
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
</context>
<context>
    <name>export</name>
    <message>
        <source>could not write {0}</source>
        <translation>{0} に書き込めませんでした</translation>
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
    <name>settings</name>
    <message>
        <source>settings file {0} is unreadable; using the defaults</source>
        <extracomment>Every key the app writes. Keys in the file outside this set are removed when it is saved. A string value longer than this under a known key is junk, whatever the key (removed on save).</extracomment>
        <translation>設定ファイル {0} を読めないため、既定値を使います</translation>
    </message>
    <message>
        <source>saved settings were invalid ({0}); using the defaults</source>
        <translation>保存された設定が無効だったため（{0}）、既定値を使います</translation>
    </message>
</context>
</TS>
