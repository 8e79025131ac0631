"""The case study's published figures, copied from the CS231n notes' case study.

Nothing here was produced by running this project: these are the numbers the engine is held to.
"""

import math

#: Spec §1: seed 0, N=100, K=3.
N, K, SEED = 100, 3, 0
FIRST_ROWS = [(0.0, 0.0), (0.00121358, 0.01002784), (0.00551604, 0.01943438)]
LAST_ROW = (-0.47270638, 0.88121999)

#: Spec §2: loss printed with 6 decimals every 10 iterations of the softmax linear classifier.
LINEAR_LOSSES = {
    0: 1.096919,
    10: 0.917310,
    20: 0.851535,
    30: 0.822352,
    40: 0.807594,
    50: 0.799452,
    60: 0.794683,
    70: 0.791765,
    80: 0.789921,
    90: 0.788726,
    100: 0.787937,
    110: 0.787408,
    120: 0.787049,
    130: 0.786803,
    140: 0.786633,
    150: 0.786514,
    160: 0.786431,
    170: 0.786373,
    180: 0.786331,
    190: 0.786302,
}
LINEAR_W = [
    [1.03370118, 1.10345865, -2.13524878],
    [-2.32943088, 2.71627529, -0.39072902],
]
LINEAR_ACCURACY = 0.49
LINEAR_ITERATIONS = 200

#: Spec §3: the two-layer net.
NET_ITERATIONS = 10_000
NET_ACCURACY = 0.98
NET_FINAL_LOSS_BELOW = 0.26
LN3 = math.log(3)

#: Spec §4: "about 193 × 188 cells" (columns × rows) with spacing 0.02 on the default data.
GRID_COLS, GRID_ROWS = 193, 188
